"""A minimal PDF writer for tests: real PDF files with known text on known pages."""

from __future__ import annotations


def make_pdf(pages: list[str | None]) -> bytes:
    """A PDF with one page per entry: its lines of text, or None for a page with no text layer."""
    objects: list[bytes] = []
    kids = []
    font_id = 3
    next_id = 4
    page_objs: list[tuple[int, bytes]] = []
    for text in pages:
        page_id, content_id = next_id, next_id + 1
        next_id += 2
        kids.append(page_id)
        if text is None:
            stream = b"0 0 1 rg 72 72 200 200 re f"  # a filled square: ink but no text
        else:
            ops = [b"BT /F1 12 Tf 72 720 Td 14 TL"]
            for line in text.split("\n"):
                safe = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
                ops.append(b"(" + safe.encode("latin-1") + b") Tj T*")
            ops.append(b"ET")
            stream = b"\n".join(ops)
        page = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> /Contents {content_id} 0 R >>"
        ).encode()
        content = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
        page_objs.append((page_id, page))
        page_objs.append((content_id, content))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(
        f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode()
    )
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    objects += [body for _, body in sorted(page_objs)]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
