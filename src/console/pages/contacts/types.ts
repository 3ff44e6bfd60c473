/** A person's history across channels, as GET /staff/contacts/… answers it. */
export interface ContactHistory {
  id: string;
  name: string | null;
  identities: { kind: string; value: string }[];
  cases: {
    trackingCode: string;
    subject: string;
    status: string;
    type: string;
    channel: string;
    receivedAt: string;
  }[];
  loggedContacts: {
    id: string;
    channel: string;
    topic: string | null;
    outcome: string;
    answer: string | null;
    durationSeconds: number | null;
    at: string;
  }[];
}

export interface Delivery {
  id: string;
  caseMessageId: string | null;
  direction: 'in' | 'out';
  kind: string;
  status: string;
  templateName: string | null;
  errorCode: string | null;
  errorTitle: string | null;
  createdAt: string;
  sentAt: string | null;
  deliveredAt: string | null;
  readAt: string | null;
  failedAt: string | null;
}

export interface CaseChannel {
  channel: 'whatsapp' | 'telegram' | null;
  replyMode: 'text' | 'template' | null;
  windowClosesAt: string | null;
  templateName: string | null;
  deliveries: Delivery[];
}
