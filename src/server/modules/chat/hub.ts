import type { WebSocket } from 'ws';
import type { Db } from '../../db/connection.js';
import { type ChatSignal, onChatSignal } from './bus.js';
import type { ChatMessage } from './model.js';
import { findConversation, messagesAfter, queuePosition } from './storage.js';

/**
 * One open socket. Kept small on purpose — a few fields per idle connection — so one process holds thousands:
 * no buffers, no timers, no copies of messages; messages are read from the database when a signal says so.
 */
interface Connection {
  socket: WebSocket;
  conversationId: string;
  /** The highest sequence number this socket has been sent. */
  sent: number;
  /** A read is running; `again` asks for one more after it (signals arriving meanwhile). */
  busy: boolean;
  again: boolean;
}

export interface VisitorConnection extends Connection {
  officeId: string;
  waiting: boolean;
  position: number;
}

export interface AgentConnection {
  socket: WebSocket;
  officeId: string;
  watching: Map<string, Connection>;
}

const OPEN = 1;

/**
 * How long a "started typing" counts without being repeated. The console repeats it every 3 s while the agent
 * types; a side that disconnects mid-word never says it stopped.
 */
const TYPING_FRESH_MS = 6_000;
/** Beyond this many conversations with someone typing, the stale entries are dropped. */
const TYPING_PRUNE_AT = 1_000;

type Side = 'agent' | 'visitor';

function send(socket: WebSocket, frame: object): void {
  if (socket.readyState === OPEN) socket.send(JSON.stringify(frame));
}

export function messageFrame(message: ChatMessage, conversationId?: string) {
  return {
    t: 'msg',
    ...(conversationId ? { c: conversationId } : {}),
    seq: message.seq,
    id: message.clientId,
    author: message.author,
    name: message.authorName,
    body: message.body,
    data: message.data,
    at: message.createdAt,
  };
}

/**
 * The process's chat sockets and how signals reach them (bus.ts): new messages are read once per signal and
 * conversation socket, from the socket's last sent sequence number, so every socket gets each message once and
 * in order whatever the signals do.
 */
export class ChatHub {
  readonly #visitors = new Map<string, Set<VisitorConnection>>();
  readonly #visitorsByOffice = new Map<string, Set<VisitorConnection>>();
  readonly #agents = new Map<string, Set<AgentConnection>>();
  readonly #watchers = new Map<string, Set<AgentConnection>>();
  /**
   * Who is typing where, and since when — so a socket that joins mid-word (an agent opening the chat, a visitor
   * reconnecting) is told at once instead of at the next keystroke signal.
   */
  readonly #typing = new Map<string, Partial<Record<Side, number>>>();
  readonly #unsubscribe: () => void;

  constructor(private readonly db: Db) {
    this.#unsubscribe = onChatSignal((signal) => this.#onSignal(signal));
  }

  close(): void {
    this.#unsubscribe();
  }

  get visitorCount(): number {
    let n = 0;
    for (const set of this.#visitors.values()) n += set.size;
    return n;
  }

  addVisitor(connection: VisitorConnection): void {
    addTo(this.#visitors, connection.conversationId, connection);
    addTo(this.#visitorsByOffice, connection.officeId, connection);
    void this.flush(connection);
    if (connection.waiting) void this.#sendPosition(connection);
    if (this.#isTyping(connection.conversationId, 'agent'))
      send(connection.socket, { t: 'typing', on: true });
  }

  removeVisitor(connection: VisitorConnection): void {
    removeFrom(this.#visitors, connection.conversationId, connection);
    removeFrom(this.#visitorsByOffice, connection.officeId, connection);
  }

  addAgent(agent: AgentConnection): void {
    addTo(this.#agents, agent.officeId, agent);
  }

  removeAgent(agent: AgentConnection): void {
    removeFrom(this.#agents, agent.officeId, agent);
    for (const conversationId of agent.watching.keys()) removeFrom(this.#watchers, conversationId, agent);
  }

  watch(agent: AgentConnection, conversationId: string, lastSeq: number): void {
    const connection: Connection = {
      socket: agent.socket,
      conversationId,
      sent: lastSeq,
      busy: false,
      again: false,
    };
    agent.watching.set(conversationId, connection);
    addTo(this.#watchers, conversationId, agent);
    void this.flush(connection, true);
    if (this.#isTyping(conversationId, 'visitor')) {
      send(agent.socket, { t: 'typing', c: conversationId, on: true });
    }
  }

  unwatch(agent: AgentConnection, conversationId: string): void {
    agent.watching.delete(conversationId);
    removeFrom(this.#watchers, conversationId, agent);
  }

  /** Sends the socket what it has not seen yet. */
  async flush(connection: Connection, forAgent = false): Promise<void> {
    if (connection.busy) {
      connection.again = true;
      return;
    }
    connection.busy = true;
    try {
      do {
        connection.again = false;
        const messages = await messagesAfter(this.db, connection.conversationId, connection.sent);
        for (const message of messages) {
          if (message.seq <= connection.sent) continue;
          send(connection.socket, messageFrame(message, forAgent ? connection.conversationId : undefined));
          connection.sent = message.seq;
          const state = message.data?.state;
          if (state && !forAgent) {
            const visitor = connection as VisitorConnection;
            visitor.waiting = state === 'waiting';
            if (visitor.waiting) void this.#sendPosition(visitor);
          }
        }
        if (messages.length === 500) connection.again = true;
      } while (connection.again && connection.socket.readyState === OPEN);
    } catch {
      // The database is away for a moment; the client's next reconnect or the next signal catches up.
    } finally {
      connection.busy = false;
    }
  }

  #onSignal(signal: ChatSignal): void {
    if (signal.k === 'm') {
      for (const connection of this.#visitors.get(signal.c) ?? []) void this.flush(connection);
      for (const agent of this.#watchers.get(signal.c) ?? []) {
        const connection = agent.watching.get(signal.c);
        if (connection) void this.flush(connection, true);
      }
    } else if (signal.k === 't') {
      this.#noteTyping(signal.c, signal.by, signal.on);
      if (signal.by === 'agent') {
        for (const connection of this.#visitors.get(signal.c) ?? [])
          send(connection.socket, { t: 'typing', on: signal.on });
      } else {
        for (const agent of this.#watchers.get(signal.c) ?? [])
          send(agent.socket, { t: 'typing', c: signal.c, on: signal.on });
      }
    } else {
      for (const agent of this.#agents.get(signal.o) ?? []) send(agent.socket, { t: 'queue' });
      for (const connection of this.#visitorsByOffice.get(signal.o) ?? []) {
        if (connection.waiting) void this.#sendPosition(connection);
      }
    }
  }

  #noteTyping(conversationId: string, by: Side, on: boolean): void {
    const sides = this.#typing.get(conversationId) ?? {};
    if (on) sides[by] = Date.now();
    else delete sides[by];
    if (sides.agent || sides.visitor) this.#typing.set(conversationId, sides);
    else this.#typing.delete(conversationId);
    if (this.#typing.size > TYPING_PRUNE_AT) {
      for (const [id, { agent, visitor }] of this.#typing) {
        if (!isFresh(agent) && !isFresh(visitor)) this.#typing.delete(id);
      }
    }
  }

  #isTyping(conversationId: string, by: Side): boolean {
    return isFresh(this.#typing.get(conversationId)?.[by]);
  }

  async #sendPosition(connection: VisitorConnection): Promise<void> {
    try {
      const conversation = await findConversation(this.db, connection.conversationId);
      if (!conversation) return;
      connection.waiting = conversation.state === 'waiting';
      const position = await queuePosition(this.db, conversation);
      if (position === connection.position) return;
      connection.position = position;
      send(connection.socket, { t: 'position', position });
    } catch {
      // next signal
    }
  }
}

function isFresh(since: number | undefined): boolean {
  return since !== undefined && Date.now() - since < TYPING_FRESH_MS;
}

function addTo<T>(map: Map<string, Set<T>>, key: string, value: T): void {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  set.add(value);
}

function removeFrom<T>(map: Map<string, Set<T>>, key: string, value: T): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}
