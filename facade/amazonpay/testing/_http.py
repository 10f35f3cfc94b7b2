"""HTTP/1.1 requests as the simulator's server reads them: strict framing, read incrementally.

The server's event loop hands each connection's bytes to a :class:`RequestReader` as they
arrive; it answers a complete :class:`Request`, ``None`` while more bytes are needed, or raises
:class:`Refused` with the status to answer before closing (RFC 9112): a request line or header
that is not HTTP, a ``Host`` that is not one ``host[:port]`` (the request's URL is built from it),
a ``Content-Length`` that is not a number or that disagrees with another,
``Content-Length`` with ``Transfer-Encoding`` (the request-smuggling ambiguity, 400), or
``Transfer-Encoding`` in HTTP/1.0 (its framing is faulty, RFC 9112 6.1: 400), a transfer
coding other than ``chunked`` (501), an HTTP version other than 1.0 and 1.1 (505), a head over
64 KiB (431), a body over 1 MiB (413, refused on its declared length before it is read). Chunked
bodies are decoded. Parsing here instead of with h11 cut the simulator's CPU per request by about
a fifth (issue 22: h11 spent about 125 us on each request's read and answer).
"""

from __future__ import annotations

import http
import re
from dataclasses import dataclass
from typing import Final

MAX_BODY: Final = 1024 * 1024
MAX_HEAD: Final = 64 * 1024
# How a head ends: CRLF CRLF (found as its last three bytes, one search fewer), and with bare LFs as
# RFC 9112 2.2 allows (LF LF, LF CRLF, CRLF LF).
_HEAD_ENDS: Final = (b"\n\r\n", b"\n\n")
# A head is read as text decoded from Latin-1 (one character a byte), its patterns ASCII.
_TOKEN: Final = r"[-!#$%&'*+.^_`|~0-9A-Za-z]+"  # noqa: S105 (RFC 9110 5.6.2, not a password)
_REQUEST_LINE: Final = re.compile(r"(" + _TOKEN + r") ([^\x00-\x20\x7f]+) HTTP/([0-9])\.([0-9])")
# One header line: a name, a colon, the value (its leading and trailing blanks are not part of it).
_FIELD: Final = re.compile(r"(" + _TOKEN + r"):[ \t]*([^\n]*)\n")
_ABSOLUTE: Final = re.compile(r"https?://", re.IGNORECASE | re.ASCII)  # a target in absolute form (else origin form)
# RFC 3986 3.2.2-3.2.3: an IP literal or a reg-name (unreserved, sub-delims, pct-encoded), then an
# optional port; empty for a URI without authority (RFC 9110 7.2).
_HOST: Final = re.compile(r"(?:\[[0-9A-Fa-f:.]+\]|[-._~!$&'()*+,;=%0-9A-Za-z]*)(?::[0-9]*)?")
_CONTROLS: Final = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])  # not in a head: all but HTAB, CR, LF
_CHUNK_SIZE: Final = re.compile(rb"([0-9A-Fa-f]{1,16})[ \t]*(?:;[^\r\n]*)?")
_PHRASES: Final = {status.value: status.phrase for status in http.HTTPStatus}


class Refused(Exception):
    """A request the server answers with ``status`` and closes the connection after."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Request:
    """One complete request: header names in lower case, repeated fields joined with ", "."""

    method: str
    target: str
    headers: dict[str, str]
    body: bytes
    keep_alive: bool  # HTTP/1.1 without "Connection: close"; HTTP/1.0 closes, as h11 did


class RequestReader:
    """Reads one connection's requests, one after the other, from the bytes fed to it."""

    def __init__(self) -> None:
        self.buffer = bytearray()
        self._head: tuple[str, str, dict[str, str], bool, bool] | None = None  # method, target, fields, keep, expect
        self._length: int | None = None  # of a Content-Length body; None when chunked
        self._chunks: list[bytes] = []
        self._chunked_size = 0
        self._trailers = False
        self._continued = False  # this request's 100 Continue is due or sent
        # Where the search for a head's (or trailers') end resumes: a client sending its head a
        # byte at a time had all of it searched again per byte (5 s of the loop for a 64 KiB head).
        self._scanned = 0
        self.wants_continue = False
        """The head asked for ``100 Continue`` and its body has not begun: send it and clear this."""

    def feed(self, data: bytes) -> None:
        """Add bytes as they arrived from the client."""
        self.buffer += data

    def next_request(self) -> Request | None:
        """The next complete request, or None while its bytes have not all arrived."""
        if self._head is None:
            self._head = self._read_head()
            if self._head is None:
                return None
        method, target, fields, keep_alive, expect = self._head
        body = self._read_body(expect)
        if body is None:
            return None
        self._head, self._chunks, self._chunked_size, self._trailers, self._continued = None, [], 0, False, False
        return Request(method, target, fields, body, keep_alive)

    def _read_head(self) -> tuple[str, str, dict[str, str], bool, bool] | None:
        buffer = self.buffer
        while buffer[:2] == b"\r\n" or buffer[:1] == b"\n":  # RFC 9112 2.2: empty lines before a request
            del buffer[: 2 if buffer[:1] == b"\r" else 1]
        end = self._head_end()
        if end < 0:
            if len(buffer) > MAX_HEAD:
                raise Refused(431, f"The request's line and headers are over {MAX_HEAD} bytes.")
            return None
        first, _, rest = _text(bytes(buffer[:end])).partition("\n")
        del buffer[:end]
        line = _REQUEST_LINE.fullmatch(first)
        if line is None:
            raise Refused(400, "Malformed HTTP request: the request line is not 'METHOD target HTTP/1.1'.")
        if line[3] != "1" or line[4] not in ("0", "1"):
            raise Refused(505, "HTTP version not supported: the simulator speaks HTTP/1.1 (and 1.0).")
        if line[2][:1] != "/" and not _ABSOLUTE.match(line[2]):  # RFC 9112 3.2.1-3.2.2
            raise Refused(400, "Malformed HTTP request: the target is neither a path ('/...') nor an http(s) URL.")
        fields = _fields(rest[:-1])
        http11 = line[4] == "1"
        if http11 and "host" not in fields:
            raise Refused(400, "Malformed HTTP request: an HTTP/1.1 request needs a Host header.")
        # The request's URL is built from Host (origin form): a path, query or userinfo in it would
        # have the simulator answer another resource than the request line names (RFC 9112 3.2: 400).
        if "host" in fields and not _HOST.fullmatch(fields["host"]):
            raise Refused(400, "Malformed HTTP request: the Host header is not one 'host[:port]'.")
        connection = {token.strip().lower() for token in fields.get("connection", "").split(",")}
        self._length = self._framing(fields, http11)
        expect = http11 and fields.get("expect", "").lower() == "100-continue"
        return line[1], line[2], fields, http11 and "close" not in connection, expect

    @staticmethod
    def _framing(fields: dict[str, str], http11: bool) -> int | None:
        """The Content-Length (0 without one), or None for a chunked body."""
        coding = fields.get("transfer-encoding")
        declared = fields.get("content-length")
        if coding is not None:
            if declared is not None:
                raise Refused(400, "Malformed HTTP request: both Content-Length and Transfer-Encoding.")
            if not http11:  # RFC 9112 6.1: "MUST treat the message as if the framing is faulty"
                raise Refused(400, "Malformed HTTP request: Transfer-Encoding in an HTTP/1.0 request.")
            if coding.strip().lower() != "chunked":
                raise Refused(501, f"Transfer-Encoding {coding[:40]!r} is not supported (only chunked).")
            return None
        if declared is None:
            return 0
        values = {value.strip() for value in declared.split(",")}
        if len(values) != 1 or not (value := values.pop()).isdigit() or not value.isascii():
            raise Refused(400, "Malformed HTTP request: Content-Length is not one whole number.")
        digits = value.lstrip("0")  # int() refuses over 4300 digits; any over 7 are over MAX_BODY
        if len(digits) > len(str(MAX_BODY)) or int(digits or "0") > MAX_BODY:
            raise Refused(413, f"The request body is over {MAX_BODY} bytes.")
        return int(digits or "0")

    def _head_end(self) -> int:
        """Where the head (up to and including its empty line) ends in the buffer, or -1 before it has."""
        buffer, start = self.buffer, self._scanned
        ends = [at + len(end) for end in _HEAD_ENDS if (at := buffer.find(end, start, MAX_HEAD + 4)) >= 0]
        end = min(ends, default=-1)
        # Resume where an end could still begin: the longest end is 3 bytes, so its first 2 may be here.
        self._scanned = 0 if end >= 0 else max(0, len(buffer) - 2)
        return end

    def _ask_for_body(self, waiting: bool) -> None:
        """Ask for ``100 Continue`` once, when a request that expects it waits for its body."""
        if waiting and not self._continued:
            self._continued = self.wants_continue = True

    def _read_body(self, expect: bool) -> bytes | None:
        buffer = self.buffer
        if self._length is not None:
            if len(buffer) < self._length:
                self._ask_for_body(expect and not buffer and self._length > 0)
                return None
            body = bytes(buffer[: self._length])
            del buffer[: self._length]
            return body
        while True:  # chunked: size line, data, CRLF; the last chunk (0) is followed by trailers and CRLF
            if self._trailers:  # after the last chunk: trailer fields (ignored) up to an empty line
                if buffer[:2] == b"\r\n" or buffer[:1] == b"\n":
                    del buffer[: 2 if buffer[:1] == b"\r" else 1]
                    return b"".join(self._chunks)
                end = self._head_end()
                if end < 0:
                    if len(buffer) > MAX_HEAD:
                        raise Refused(431, f"The request's trailers are over {MAX_HEAD} bytes.")
                    return None
                _fields(_text(bytes(buffer[:end]))[:-1])  # read as fields, and ignored
                del buffer[:end]
                return b"".join(self._chunks)
            newline = buffer.find(b"\n", 0, 1024)
            if newline < 0:
                if len(buffer) >= 1024:
                    raise Refused(400, "Malformed HTTP request: a chunk size line is too long.")
                self._ask_for_body(expect and not buffer and not self._chunks)
                return None
            size = _CHUNK_SIZE.fullmatch(buffer, 0, newline - (buffer[newline - 1 : newline] == b"\r"))
            if size is None:
                raise Refused(400, "Malformed HTTP request: a chunk size is not hexadecimal.")
            length = int(size[1], 16)
            if length == 0:
                del buffer[: newline + 1]
                self._trailers = True
                continue
            if self._chunked_size + length > MAX_BODY:
                raise Refused(413, f"The request body is over {MAX_BODY} bytes.")
            data_end = newline + 1 + length
            if len(buffer) < data_end + 2:
                return None
            if buffer[data_end : data_end + 2] != b"\r\n":
                raise Refused(400, "Malformed HTTP request: a chunk is longer than its size.")
            self._chunks.append(bytes(buffer[newline + 1 : data_end]))
            self._chunked_size += length
            del buffer[: data_end + 2]


def _text(section: bytes) -> str:
    """A head or a trailer section as text, each line ending in LF (its empty line too); a control character refused."""
    section = section.replace(b"\r\n", b"\n")
    if len(section.translate(None, _CONTROLS)) != len(section) or b"\r" in section:
        raise Refused(400, "Malformed HTTP request: a control character in the request line or headers.")
    return section.decode("latin-1")


def _fields(lines: str) -> dict[str, str]:
    """Header (or trailer) lines, each ending in LF, as fields: names in lower case, repeated fields joined with ", ".

    Read with one pattern over all of them, not line by line (a third of the reader's time, issue 22).
    """
    fields: dict[str, str] = {}
    read = 0
    for found in _FIELD.finditer(lines):
        if found.start() != read:  # a line that is not a field (a folded one begins with a blank)
            break
        read = found.end()
        name, value = found[1].lower(), found[2].rstrip(" \t")
        if name in fields:
            if name == "host":
                raise Refused(400, "Malformed HTTP request: more than one Host header.")
            value = f"{fields[name]}, {value}"
        fields[name] = value
    if read != len(lines):
        raise Refused(400, "Malformed HTTP request: a header line is not 'Name: value' (or is folded).")
    return fields


def response_head(status: int, headers: dict[str, str], length: int, *, close: bool) -> bytes:
    """The status line and headers of an answer whose body has ``length`` bytes."""
    lines = [f"HTTP/1.1 {status} {_PHRASES.get(status, '')}"]
    lines += [
        f"{name}: {value}" for name, value in headers.items() if name.lower() not in ("content-length", "connection")
    ]
    fields = "".join(lines)  # one search over them all, not a generator over the lines
    if "\r" in fields or "\n" in fields:  # a header of the value's choosing
        raise ValueError("a response header value holds CR or LF")
    lines.append(f"content-length: {length}")
    if close:
        lines.append("connection: close")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
