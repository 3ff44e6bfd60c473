/**
 * The agent's chat socket with automatic reconnection (exponential backoff with jitter). After a reconnect the
 * panel watches its conversation again from the last sequence number it shows, so nothing is missed or doubled.
 */
export interface AgentFrame {
  t: string;
  c?: string;
  seq?: number;
  on?: boolean;
  [key: string]: unknown;
}

export function openAgentSocket(handlers: {
  onFrame: (frame: AgentFrame) => void;
  onOpen: (send: (frame: object) => void) => void;
  onState: (connected: boolean) => void;
}): { send: (frame: object) => void; close: () => void } {
  let socket: WebSocket | null = null;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const send = (frame: object) => {
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
  };
  const connect = () => {
    const ws = new WebSocket(
      `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1/staff/chat/socket`,
    );
    socket = ws;
    ws.onmessage = (event) => {
      const frame = JSON.parse(String(event.data)) as AgentFrame;
      if (frame.t === 'ready') {
        attempt = 0;
        handlers.onState(true);
        handlers.onOpen(send);
      } else handlers.onFrame(frame);
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      handlers.onState(false);
      if (stopped) return;
      const delay = Math.min(30_000, 500 * 2 ** attempt) * (0.5 + Math.random() / 2);
      attempt++;
      timer = setTimeout(connect, delay);
    };
  };
  connect();
  return {
    send,
    close: () => {
      stopped = true;
      clearTimeout(timer);
      socket?.close();
    },
  };
}
