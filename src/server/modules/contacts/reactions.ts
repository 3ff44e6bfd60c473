import { onEvent } from '../../events/reactions.js';
import { newCaseFacts } from '../cases/new-case-facts.js';
import { linkCaseByDetails, linkNewCase, removeUnusedContacts, unlinkCase } from './link-contact.js';

// Every new case joins its person's history, whatever channel it came by (a few indexed statements).
onEvent('case.created', async (trx, event) => {
  const facts = event.caseId ? await newCaseFacts(trx, event) : undefined;
  if (facts) await linkNewCase(trx, event.caseId!, facts, event.at);
});

// Anonymised contact details identify nobody any more: the case leaves the person's history, and a contact left
// with nothing (no other case, no logged call) goes with its identities.
onEvent('case.contact_anonymised', async (trx, event) => {
  if (!event.caseId) return;
  const contactId = await unlinkCase(trx, event.caseId);
  if (contactId) await removeUnusedContacts(trx, [contactId]);
});

// Corrected details may name another person: link again from scratch.
onEvent('case.contact_corrected', async (trx, event) => {
  if (!event.caseId) return;
  await unlinkCase(trx, event.caseId);
  await linkCaseByDetails(trx, event.caseId, event.at);
});
