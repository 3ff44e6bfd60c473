/**
 * Imports every module that defines jobs or event reactions, so a worker (and a web process that enqueues) knows
 * them all. Add one line per module.
 */
import './maintenance.js';
import '../modules/email/delivery.js';
import '../modules/email/notifications.js';
import '../modules/email/inbound/receive.js';
import '../modules/email/inbound/imap-poller.js';
import '../modules/service-levels/reactions.js';
import '../modules/service-levels/sweep.js';
import '../modules/notifications/reactions.js';
import '../modules/passports/notifications.js';
import '../modules/audit/jobs.js';
import '../modules/integrity/jobs.js';
import '../modules/privacy/retention.js';
import '../modules/publications/publish-job.js';
import '../modules/publications/webhooks.js';
import '../modules/contacts/reactions.js';
import '../modules/messaging/reactions.js';
import '../modules/messaging/whatsapp/inbound.js';
import '../modules/messaging/telegram/inbound.js';
import '../modules/phone/jobs.js';
import '../modules/chat/jobs.js';
import '../modules/chat/reactions.js';
import '../modules/transparency/rollup.js';
