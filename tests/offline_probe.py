"""Run deid in this fresh interpreter and record every network attempt.

Usage: python offline_probe.py (library | cli) RESULT.json [DRAFT_FILE]

An audit hook is installed before deid (or anything that could open a
socket) is imported. Any socket connection, host-name lookup or urllib
request is recorded and then refused. The record, the findings (library
mode) and a canary (proof that the hook does see a lookup) are written to
RESULT.json; in cli mode the command's own JSON goes to stdout as usual.
"""

import sys

NETWORK_EVENTS = frozenset({
    "socket.connect", "socket.connect_ex", "socket.getaddrinfo", "socket.gethostbyname",
    "socket.gethostbyname_ex", "socket.gethostbyaddr", "socket.getnameinfo",
    "urllib.Request", "http.client.connect", "ftplib.connect", "smtplib.connect",
})
seen = []


class NetworkBlocked(RuntimeError):
    pass


def _hook(event, args):
    if event in NETWORK_EVENTS:
        seen.append([event, repr(args)[:300]])
        raise NetworkBlocked(f"deid tried to use the network: {event} {args!r}")


sys.addaudithook(_hook)

import json  # noqa: E402  (imported after the hook on purpose)

DRAFT = "Her email is kayla.m@example.com and site https://example.org/x\n"


def main() -> int:
    mode, result_path = sys.argv[1], sys.argv[2]
    result = {"mode": mode}
    exit_code = 0
    if mode == "library":
        import deid

        report = deid.lint(DRAFT)
        result["findings"] = [[f.category, f.text] for f in report.findings]
    elif mode == "cli":
        from deid.cli import main as cli_main

        sys.argv = ["deid", "lint", "--show-text", "--format", "json", sys.argv[3]]
        try:
            cli_main()
        except SystemExit as exc:
            exit_code = exc.code if isinstance(exc.code, int) else 2
        sys.stdout.flush()
        result["exit_code"] = exit_code
    else:
        raise SystemExit(f"unknown mode {mode!r}")

    result["events"] = list(seen)
    # Canary: a lookup now must be seen and refused, or the probe proves nothing.
    import socket

    try:
        socket.getaddrinfo("example.org", 443)
        result["canary"] = "not blocked"
    except NetworkBlocked:
        result["canary"] = "blocked"
    except OSError as exc:  # pragma: no cover - only if the hook did not fire
        result["canary"] = f"not blocked ({exc})"
    result["canary_recorded"] = len(seen) == len(result["events"]) + 1
    with open(result_path, "w", encoding="utf-8") as fh:
        json.dump(result, fh)
    return 0


if __name__ == "__main__":
    sys.exit(main())
