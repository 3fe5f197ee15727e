#!/usr/bin/env python3
"""A Parley remote agent in Python, standard library only.

It speaks Parley's remote agent protocol (docs/agents.md): Parley POSTs one JSON message per
event to the agent's URL -- "start" (its own preferences and a ladder of its bids), "act" (the
public moves since its last turn and what the protocol asks now), "end" -- and at each "act" the
agent answers with its action.

The strategy is time-dependent concession (Faratin, Sierra and Jennings 1998): at normalised time
t its target utility is  best - (best - floor) * t^(1/e), floor being its reservation value (or its
worst bid). It offers the cheapest bid of its ladder that still reaches the target, and accepts or
votes yes on an outcome that reaches it and keeps its hard constraints. Parley sends the agent's
own utility of every outcome it shows it, so the agent never evaluates preferences itself.

    python3 agent.py --port 9000 [--e 0.5]
    parley tournament --strategies boulware,conceder,micro,remote:url=http://127.0.0.1:9000/ --scenarios scenarios/
"""

import argparse
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MAX_SESSIONS = 10_000


class Session:
    """One negotiation: the ladder of bids (best first) and the floor the agent concedes to."""

    def __init__(self, start, e):
        self.bids = start["bids"]
        self.e = e
        best = self.bids[0]["utility"] if self.bids else 0.0
        worst = self.bids[-1]["utility"] if self.bids else 0.0
        self.best = best
        self.floor = min(best, max(start["reservation"], worst))

    def target(self, t):
        return self.best - (self.best - self.floor) * (t ** (1.0 / self.e))

    def act(self, request):
        kind = request["kind"]
        if not self.bids:
            return {"action": "walk-away"}
        target = self.target(request["time"])
        offered = request.get("outcome")
        good = offered is not None and request.get("feasible", False) and request["utility"] >= target
        if kind in ("vote", "ratify"):
            return {"action": "accept" if good else "reject"}
        if kind == "respond" and good:
            return {"action": "accept", "message": "Agreed."}
        # The cheapest bid that still reaches the target (the ladder is sorted best first).
        bid = self.bids[0]
        for candidate in self.bids:
            if candidate["utility"] >= target:
                bid = candidate
            else:
                break
        return {"action": "offer", "outcome": bid["outcome"]}


class Agent:
    def __init__(self, e):
        self.e = e
        self.sessions = {}
        self.lock = threading.Lock()

    def handle(self, message):
        kind = message["type"]
        session_id = message["session"]
        if kind == "start":
            session = Session(message, self.e)
            with self.lock:
                if len(self.sessions) >= MAX_SESSIONS:
                    # Sessions whose end never came (the agent was put out, say): forget the oldest.
                    self.sessions.pop(next(iter(self.sessions)))
                self.sessions[session_id] = session
            return {}
        if kind == "act":
            with self.lock:
                session = self.sessions.get(session_id)
            if session is None:
                raise ValueError("unknown session " + session_id)
            return session.act(message["request"])
        if kind == "end":
            with self.lock:
                self.sessions.pop(session_id, None)
            return {}
        raise ValueError("unknown message type " + kind)


def handler_for(agent):
    class Handler(BaseHTTPRequestHandler):
        # HTTP/1.1 keeps the connection open between turns: one round trip per move. Without
        # Nagle's algorithm the reply's headers and body leave at once instead of the body waiting
        # for the client's delayed acknowledgement (some 40 ms a move).
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True

        def do_POST(self):
            length = int(self.headers.get("Content-Length", 0))
            try:
                reply = agent.handle(json.loads(self.rfile.read(length)))
                status = 200
            except Exception as error:  # a bad message: say why; Parley puts the agent out
                reply = {"error": str(error)}
                status = 400
            body = json.dumps(reply).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format, *args):
            pass  # one line per move would drown the terminal

    return Handler


def main():
    parser = argparse.ArgumentParser(description="A Parley remote agent: time-dependent concession over HTTP.")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=9000, help="TCP port (default 9000; 0 picks a free one)")
    parser.add_argument("--e", type=float, default=1.0,
                        help="concession exponent: below 1 holds out, above 1 concedes early (default 1)")
    args = parser.parse_args()
    if args.e <= 0:
        parser.error("--e must be positive")
    server = ThreadingHTTPServer((args.host, args.port), handler_for(Agent(args.e)))
    server.daemon_threads = True
    host, port = server.server_address[:2]
    print(f"listening on http://{host}:{port}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    sys.exit(main())
