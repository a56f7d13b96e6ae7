"""PDF via pdfminer.six: the text of each page, with page boundaries in the map."""

from __future__ import annotations

import io
import logging

from ..document import Document, IngestError, Part
from .textfile import normalize_text

# pdfminer logs every odd object at WARNING; the analyst sees our notices instead.
logging.getLogger("pdfminer").setLevel(logging.ERROR)


def ingest_pdf(data: bytes) -> Document:
    """One part per page; a PDF without a text layer is kept with a notice."""
    from pdfminer.converter import TextConverter
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    rsrc = PDFResourceManager(caching=True)
    out = io.StringIO()
    device = TextConverter(rsrc, out, laparams=LAParams(all_texts=True))  # text in Form XObjects too
    interpreter = PDFPageInterpreter(rsrc, device)
    doc = Document(text="", format="pdf")
    chunks: list[str] = []
    pos = 0
    try:
        for number, page in enumerate(PDFPage.get_pages(io.BytesIO(data), caching=True), 1):
            out.seek(0)
            out.truncate()
            interpreter.process_page(page)
            text = normalize_text(out.getvalue().replace("\x0c", ""))
            text = text.rstrip("\n") + "\n"
            marker = f"-------- Page {number} --------\n"
            doc.parts.append(Part("page", pos, pos + len(marker) + len(text), page=number, format="pdf"))
            chunks.append(marker)
            chunks.append(text)
            pos += len(marker) + len(text)
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise IngestError(f"encrypted PDF: cannot read it without its password ({type(exc).__name__})") from None
    except (PDFSyntaxError, PSException) as exc:
        if b"%%EOF" not in data[-2048:]:
            raise IngestError("truncated PDF: the file ends before its %%EOF marker") from None
        raise IngestError(f"damaged PDF: {exc or type(exc).__name__}") from None
    except (ValueError, KeyError, TypeError, AssertionError, IndexError, AttributeError) as exc:
        raise IngestError(f"unreadable PDF: {type(exc).__name__}: {exc}") from None
    finally:
        device.close()
    if not doc.parts:
        raise IngestError("PDF with no pages")
    doc.text = "".join(chunks)
    if not any(c.strip() and not c.startswith("-------- Page") for c in chunks):
        doc.notices.append(
            f"no text layer: {len(doc.parts)} page(s) of images only (a scan?); "
            "fields must be entered by hand or the file OCRed first"
        )
    return doc
