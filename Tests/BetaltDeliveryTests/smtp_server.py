#!/usr/bin/env python3
"""A small SMTP server for the BetaltDelivery tests (aiosmtpd).

Recipients starting with "permanent-" are refused with 550, "temporary-" with 451; a sender starting
with "blocked-" is refused with 553; a message to a recipient starting with "reject-data-" is refused
after DATA with 554. Every accepted message is written to MAILDIR/new/N.eml (the raw bytes as
received) and MAILDIR/new/N.json (the envelope, plus the message as parsed by Python's email package,
an independent MIME parser to check the composer against).

Runs until terminated (SIGTERM). With --parse FILE it only prints FILE parsed the same way and exits.
"""

import argparse
import base64
import email
import email.policy
import json
import os
import signal
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Handler:
    def __init__(self, maildir):
        self.maildir = maildir
        self.lock = threading.Lock()
        self.count = 0

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if address.startswith("blocked-"):
            return "553 5.7.1 Sender address rejected"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("permanent-"):
            return "550 5.1.1 Mailbox unavailable"
        if address.startswith("temporary-"):
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if any(r.startswith("reject-data-") for r in envelope.rcpt_tos):
            return "554 5.6.0 Message content rejected"
        raw = envelope.original_content
        with self.lock:
            self.count += 1
            n = self.count
        new = os.path.join(self.maildir, "new")
        tmp = os.path.join(self.maildir, "tmp")
        with open(os.path.join(tmp, f"{n}.eml"), "wb") as f:
            f.write(raw)
        os.rename(os.path.join(tmp, f"{n}.eml"), os.path.join(new, f"{n}.eml"))
        sidecar = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "tls": server.transport.get_extra_info("ssl_object") is not None,
            "authenticated": bool(session.authenticated),
            "parsed": parse(raw),
        }
        with open(os.path.join(tmp, f"{n}.json"), "w", encoding="utf-8") as f:
            json.dump(sidecar, f, ensure_ascii=False, indent=1)
        os.rename(os.path.join(tmp, f"{n}.json"), os.path.join(new, f"{n}.json"))
        return f"250 2.0.0 Ok: queued as {n}"


def parse(raw):
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    defects = [repr(d) for d in msg.defects]
    parts = []
    for part in msg.walk():
        defects += [repr(d) for d in part.defects]
        if part.is_multipart():
            parts.append({"content_type": part.get_content_type()})
            continue
        entry = {
            "content_type": part.get_content_type(),
            "charset": part.get_content_charset(),
            "transfer_encoding": part.get("Content-Transfer-Encoding"),
            "disposition": part.get_content_disposition(),
            "filename": part.get_filename(),
        }
        if part.get_content_maintype() == "text":
            entry["text"] = part.get_content()
        else:
            entry["base64"] = base64.b64encode(part.get_payload(decode=True)).decode("ascii")
        parts.append(entry)

    def addresses(header):
        value = msg[header]
        if value is None:
            return []
        return [{"name": a.display_name, "address": a.addr_spec} for a in value.addresses]

    return {
        "subject": str(msg["Subject"]),
        "from": addresses("From"),
        "to": addresses("To"),
        "reply_to": addresses("Reply-To"),
        "date": str(msg["Date"]),
        "message_id": str(msg["Message-ID"]),
        "content_type": msg.get_content_type(),
        "defects": defects,
        "parts": parts,
    }


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int)
    p.add_argument("--maildir")
    p.add_argument("--parse", metavar="FILE", help="print FILE parsed as JSON (as in the sidecar) and exit")
    p.add_argument("--tls-cert")
    p.add_argument("--tls-key")
    p.add_argument("--require-starttls", action="store_true")
    p.add_argument("--implicit-tls", action="store_true", help="TLS from the first byte (smtps)")
    p.add_argument("--auth-user")
    p.add_argument("--auth-password")
    p.add_argument("--auth-mechanism", help="offer only this mechanism (LOGIN or PLAIN)")
    args = p.parse_args()
    if args.parse:
        with open(args.parse, "rb") as f:
            json.dump(parse(f.read()), sys.stdout, ensure_ascii=False, indent=1)
        return 0
    if args.port is None or args.maildir is None:
        p.error("--port and --maildir are required")

    for sub in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(args.maildir, sub), exist_ok=True)

    tls_context = None
    if args.tls_cert:
        tls_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls_context.load_cert_chain(args.tls_cert, args.tls_key)

    kwargs = {}
    if args.implicit_tls:
        kwargs["ssl_context"] = tls_context
    elif tls_context is not None:
        kwargs["tls_context"] = tls_context
        kwargs["require_starttls"] = args.require_starttls
    if args.auth_user:
        user = args.auth_user.encode()
        password = (args.auth_password or "").encode()

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = (isinstance(auth_data, LoginPassword)
                  and auth_data.login == user and auth_data.password == password)
            # handled=False: let aiosmtpd answer "535 5.7.8 Authentication credentials invalid".
            return AuthResult(success=ok, handled=False, auth_data=auth_data)

        kwargs["authenticator"] = authenticator
        kwargs["auth_required"] = True
        # Credentials only over TLS when the server has a certificate; in clear otherwise (tests only).
        kwargs["auth_require_tls"] = tls_context is not None
        if args.auth_mechanism:
            kwargs["auth_exclude_mechanism"] = [m for m in ("LOGIN", "PLAIN") if m != args.auth_mechanism.upper()]

    controller = Controller(Handler(args.maildir), hostname="127.0.0.1", port=args.port, **kwargs)
    controller.start()
    print("READY", flush=True)

    stop = threading.Event()
    # The parent (a Swift test process) may have SIGTERM blocked, and the mask is inherited.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    while not stop.wait(0.5):
        pass
    controller.stop()


if __name__ == "__main__":
    sys.exit(main())
