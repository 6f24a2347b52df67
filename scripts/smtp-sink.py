#!/usr/bin/python3
"""A real SMTP server for tests (Debian's python3-aiosmtpd): listens on 127.0.0.1, port 0, writes
the port it got to PORT_FILE and each message received to OUT_DIR/<n>.eml, the envelope's
sender and recipients first as X-Envelope-From / X-Envelope-To lines.
Usage: smtp-sink.py PORT_FILE OUT_DIR"""
import asyncio
import os
import sys

from aiosmtpd.smtp import SMTP


class Sink:
    def __init__(self, out_dir):
        self.out_dir = out_dir
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        path = os.path.join(self.out_dir, f"{self.count}.eml")
        with open(path + ".part", "wb") as f:
            f.write(f"X-Envelope-From: {envelope.mail_from}\r\n".encode())
            f.write(f"X-Envelope-To: {','.join(envelope.rcpt_tos)}\r\n".encode())
            f.write(envelope.original_content)
        os.rename(path + ".part", path)
        return "250 OK"


async def main(port_file, out_dir):
    handler = Sink(out_dir)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: SMTP(handler), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    with open(port_file + ".part", "w") as f:
        f.write(str(port))
    os.rename(port_file + ".part", port_file)
    await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
