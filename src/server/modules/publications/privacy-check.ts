import type { Language } from '../../../shared/enums.js';
import { imageAlts, languagesOf, type PublicationContent } from './model.js';

/**
 * The check before publishing (UU 27/2022): a publication may cite enforcement records, but its text must never
 * name the person or give a document number. Every language version is scanned — title, summary, body and the
 * image alternative texts — for the cited persons' full names and each name part of three letters or more
 * (case- and accent-insensitive, whole words), their document numbers (ignoring spaces and dashes), and numbers
 * shaped like a NIK, a phone number or a passport number. Any finding blocks publication; there is no override.
 */
export type FindingKind = 'full_name' | 'name_part' | 'document_number' | 'nik' | 'phone' | 'passport_number';
export type FindingField = 'title' | 'summary' | 'body' | 'image_alt';

export interface Finding {
  language: Language;
  field: FindingField;
  kind: FindingKind;
  /** The match with all but its first character masked, so the finding itself does not repeat the data. */
  excerpt: string;
  /** 1-based position of the cited record the finding belongs to, when it is one of theirs. */
  citation?: number;
}

export interface CitedPerson {
  fullName: string;
  documentNumber: string;
}

/** Lower case, accents removed, every run of non-letters/digits one space: "Nguyễn  Văn-An" → "nguyen van an". */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const compact = (text: string) => foldText(text).replace(/ /g, '');

export function mask(text: string): string {
  const trimmed = text.trim();
  return trimmed.slice(0, 1) + '•'.repeat(Math.max(2, Math.min(12, trimmed.length - 1)));
}

/** Whole-word occurrence of `needle` (already folded) in `haystack` (already folded). */
function containsWords(haystack: string, needle: string): boolean {
  if (!needle) return false;
  return ` ${haystack} `.includes(` ${needle} `);
}

// Patterns over the original text. Digits only, so dates ("2026-11-20") and legal references ("UU 6/2011") pass.
const NIK = /(?<![\p{N}])\d{16}(?![\p{N}])/gu;
const PHONE =
  /(?<![\p{L}\p{N}+])(?:\+62|62|0)[\s.-]?8\d{1,3}(?:[\s.-]?\d{2,4}){2,3}(?![\p{N}])|\+(?!62)\d{1,3}[\s.-]?\d{2,4}(?:[\s.-]?\d{2,4}){2,4}(?![\p{N}])/gu;
/** One or two letters then 6–9 digits (Indonesian "A1234567", Chinese "E12345678", "EA1234567"), or 9 digits with a letter. */
const PASSPORT = /(?<![\p{L}\p{N}])[A-Za-z]{1,2}\s?\d{6,9}(?![\p{L}\p{N}])/gu;

interface Piece {
  language: Language;
  field: FindingField;
  text: string;
}

function piecesOf(content: PublicationContent): Piece[] {
  const pieces: Piece[] = [];
  for (const language of languagesOf(content)) {
    const text = content.texts[language]!;
    const body = text.body.replace(/!\[[^\]]*\]\([^)\s]+\)/g, ' ');
    pieces.push({ language, field: 'title', text: text.title });
    pieces.push({ language, field: 'summary', text: text.summary });
    pieces.push({ language, field: 'body', text: body });
    for (const alt of imageAlts(text.body)) pieces.push({ language, field: 'image_alt', text: alt });
  }
  return pieces;
}

function personFindings(piece: Piece, persons: CitedPerson[]): Finding[] {
  const findings: Finding[] = [];
  const folded = foldText(piece.text);
  const compacted = folded.replace(/ /g, '');
  const at = (kind: FindingKind, excerpt: string, citation: number): Finding => ({
    language: piece.language,
    field: piece.field,
    kind,
    excerpt: mask(excerpt),
    citation,
  });
  persons.forEach((person, index) => {
    const name = foldText(person.fullName);
    if (containsWords(folded, name)) findings.push(at('full_name', person.fullName, index + 1));
    else {
      for (const part of new Set(name.split(' '))) {
        if ([...part].length >= 3 && containsWords(folded, part))
          findings.push(at('name_part', part, index + 1));
      }
    }
    const document = compact(person.documentNumber);
    if (document.length >= 5 && compacted.includes(document))
      findings.push(at('document_number', person.documentNumber, index + 1));
  });
  return findings;
}

/** Numbers shaped like personal data; a cited person's own document number is already reported as such. */
function patternFindings(piece: Piece, documents: Set<string>): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<number>();
  const add = (kind: FindingKind, pattern: RegExp) => {
    for (const match of piece.text.matchAll(pattern)) {
      if (seen.has(match.index) || documents.has(compact(match[0]))) continue;
      seen.add(match.index);
      findings.push({ language: piece.language, field: piece.field, kind, excerpt: mask(match[0]) });
    }
  };
  add('nik', NIK);
  add('phone', PHONE);
  add('passport_number', PASSPORT);
  return findings;
}

/** Every finding in every language version; an empty list means the text may be published. */
export function checkPublication(content: PublicationContent, persons: CitedPerson[]): Finding[] {
  const documents = new Set(persons.map((p) => compact(p.documentNumber)));
  return piecesOf(content).flatMap((piece) => [
    ...personFindings(piece, persons),
    ...patternFindings(piece, documents),
  ]);
}
