import type { Language } from '../../../shared/enums.js';
import type { Db } from '../../db/connection.js';
import type { Office } from '../offices/storage.js';
import { computeIkm, type IkmResult, lowestElements, type Weight } from './ikm.js';
import { ELEMENT_TEXT } from './model.js';
import { findFollowUpPlan, loadSkmSums, loadSkmSumsByService } from './storage.js';

/**
 * The SKM report for a period, in the shape offices publish (PermenPANRB 14/2017, Bab IV): respondents, NRR,
 * weighted NRR and category per element, the IKM with its category, per service, the lowest elements and the
 * follow-up plan (rencana tindak lanjut). Staff see it unsuppressed; the public dashboard applies the
 * small-cell rule. PDF (pdfkit) and XLSX (exceljs) are loaded only when a report is downloaded.
 */
export interface SkmReport {
  office: { code: string; name: string };
  period: { from: string; to: string };
  weight: string;
  overall: IkmResult;
  services: { serviceCode: string; serviceName: string; result: IkmResult }[];
  lowest: { element: string; name: string; nrr: number; category: string }[];
  followUp: { plan: string; updatedAt: string } | null;
}

export async function skmReport(
  db: Db,
  office: Office & { services?: { code: string; name: { id: string; en: string } }[] },
  period: { from: string; to: string },
  weight: Weight,
  language: Language,
): Promise<SkmReport> {
  const [sums, byService, followUp] = await Promise.all([
    loadSkmSums(db, { officeId: office.id, ...period }),
    loadSkmSumsByService(db, { officeId: office.id, ...period }),
    findFollowUpPlan(db, office.id, period),
  ]);
  const overall = computeIkm(sums, weight);
  const names = new Map((office.services ?? []).map((s) => [s.code, s.name[language]]));
  return {
    office: { code: office.code, name: office.name[language] },
    period,
    weight: overall.weight,
    overall,
    services: [...byService].map(([serviceCode, s]) => ({
      serviceCode,
      serviceName: names.get(serviceCode) ?? serviceCode,
      result: computeIkm(s, weight),
    })),
    lowest: lowestElements(overall).map((e) => ({
      element: e.element,
      name: ELEMENT_TEXT[language][e.element].name,
      nrr: e.nrr,
      category: e.category,
    })),
    followUp: followUp ?? null,
  };
}

const TEXT = {
  id: {
    title: 'Laporan Survei Kepuasan Masyarakat (SKM)',
    period: 'Periode',
    respondents: 'Jumlah responden',
    element: 'Unsur',
    nrr: 'NRR',
    weighted: 'NRR tertimbang',
    converted: 'Nilai konversi',
    category: 'Mutu',
    ikm: 'IKM (nilai konversi)',
    performance: 'Kinerja',
    weight: 'Bobot per unsur',
    byService: 'IKM per jenis layanan',
    service: 'Layanan',
    lowest: 'Unsur dengan nilai terendah',
    followUp: 'Rencana tindak lanjut',
    none: 'Belum diisi.',
    noData: 'Belum ada responden pada periode ini.',
    basis: 'Dasar: Peraturan Menteri PANRB Nomor 14 Tahun 2017.',
  },
  en: {
    title: 'Public Satisfaction Survey (SKM) report',
    period: 'Period',
    respondents: 'Respondents',
    element: 'Element',
    nrr: 'NRR',
    weighted: 'Weighted NRR',
    converted: 'Converted value',
    category: 'Grade',
    ikm: 'IKM (converted)',
    performance: 'Performance',
    weight: 'Weight per element',
    byService: 'IKM per service',
    service: 'Service',
    lowest: 'Lowest-scoring elements',
    followUp: 'Follow-up plan',
    none: 'Not written yet.',
    noData: 'No respondents in this period yet.',
    basis: 'Basis: Regulation of the Minister of PANRB No. 14 of 2017.',
  },
} as const;

function weightedNrr(nrr: number, weight: string): number {
  const [num, den] = weight.split('/').map(Number) as [number, number];
  return Math.round((nrr * num * 1000) / den) / 1000;
}

/** The element table: one row per element, as in the regulation's worked example. */
export function elementRows(report: SkmReport, language: Language): (string | number)[][] {
  return report.overall.elements.map((e) => [
    `${e.element.toUpperCase()} ${ELEMENT_TEXT[language][e.element].name}`,
    e.nrr,
    weightedNrr(e.nrr, report.weight),
    e.converted,
    e.category,
  ]);
}

export async function reportXlsx(report: SkmReport, language: Language): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const t = TEXT[language];
  const book = new ExcelJS.Workbook();
  book.creator = 'Loket';
  const sheet = book.addWorksheet('SKM');
  sheet.columns = [{ width: 48 }, { width: 12 }, { width: 16 }, { width: 16 }, { width: 10 }];
  sheet.addRow([t.title]).font = { bold: true, size: 14 };
  sheet.addRow([report.office.name]);
  sheet.addRow([t.period, `${report.period.from} – ${report.period.to}`]);
  sheet.addRow([t.respondents, report.overall.respondents]);
  sheet.addRow([t.weight, report.weight]);
  sheet.addRow([]);
  sheet.addRow([t.element, t.nrr, t.weighted, t.converted, t.category]).font = { bold: true };
  for (const row of elementRows(report, language)) sheet.addRow(row);
  sheet.addRow([]);
  sheet.addRow([t.ikm, report.overall.ikm ?? '', '', t.performance, report.overall.category ?? '']).font = {
    bold: true,
  };
  sheet.addRow(['', '', '', '', report.overall.label ?? '']);
  sheet.addRow([]);
  sheet.addRow([t.byService]).font = { bold: true };
  sheet.addRow([t.service, t.respondents, t.ikm, t.category]).font = { bold: true };
  for (const s of report.services)
    sheet.addRow([s.serviceName, s.result.respondents, s.result.ikm ?? '', s.result.category ?? '']);
  sheet.addRow([]);
  sheet.addRow([t.lowest]).font = { bold: true };
  for (const l of report.lowest)
    sheet.addRow([`${l.element.toUpperCase()} ${l.name}`, l.nrr, '', '', l.category]);
  sheet.addRow([]);
  sheet.addRow([t.followUp]).font = { bold: true };
  sheet.addRow([report.followUp?.plan ?? t.none]).alignment = { wrapText: true };
  sheet.addRow([t.basis]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function reportPdf(report: SkmReport, language: Language): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const t = TEXT[language];
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: t.title, Author: report.office.name },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));

  doc.font('Helvetica-Bold').fontSize(16).text(t.title);
  doc.font('Helvetica').fontSize(11).text(report.office.name);
  doc.text(`${t.period}: ${report.period.from} – ${report.period.to}`);
  doc.text(`${t.respondents}: ${report.overall.respondents}    ${t.weight}: ${report.weight}`);
  doc.moveDown();
  if (report.overall.respondents === 0) doc.text(t.noData);
  else {
    const columns = [50, 300, 360, 440, 510];
    const row = (values: (string | number)[], bold = false) => {
      const y = doc.y;
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
      for (const [i, value] of values.entries()) {
        const x = columns[i] ?? 50;
        doc.text(String(value), x, y, { width: (columns[i + 1] ?? 560) - x - 6 });
      }
      doc.moveDown(0.4);
      doc.x = 50;
    };
    row([t.element, t.nrr, t.weighted, t.converted, t.category], true);
    for (const values of elementRows(report, language)) row(values);
    doc.moveDown();
    doc
      .font('Helvetica-Bold')
      .fontSize(12)
      .text(
        `${t.ikm}: ${report.overall.ikm}  —  ${t.category} ${report.overall.category} (${report.overall.label})`,
        50,
      );
    doc.moveDown();
    doc.fontSize(11).text(t.byService);
    for (const s of report.services)
      row([s.serviceName, s.result.respondents, s.result.ikm ?? '', s.result.category ?? '', '']);
    doc.moveDown();
    doc.font('Helvetica-Bold').fontSize(11).text(t.lowest, 50);
    doc.font('Helvetica').fontSize(10);
    for (const l of report.lowest) doc.text(`${l.element.toUpperCase()} ${l.name}: ${l.nrr} (${l.category})`);
  }
  doc.moveDown();
  doc.font('Helvetica-Bold').fontSize(11).text(t.followUp, 50);
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(report.followUp?.plan ?? t.none);
  doc.moveDown();
  doc.fontSize(8).fillColor('#555555').text(t.basis);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
