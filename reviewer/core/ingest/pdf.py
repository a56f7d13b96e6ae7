"""PDF via pdfminer.six: the text of each page, with page boundaries in the map."""

from __future__ import annotations

import io
import itertools

from ..document import Document, IngestError, Part
from .header import printed_header
from .pdfwarn import pdfminer_warnings
from .textfile import control_notice, drop_controls, normalize_text, nul_notice


def _stable_tie_breaks() -> None:
    """Make pdfminer's reading order depend on the page alone.

    LTLayoutContainer.group_textboxes orders equally distant text boxes by id(), a memory
    address: the same PDF then came out with lines in another order depending on what the
    process had read before (8 of the corpus's 97 PDFs). The module's `id` is replaced by an
    ordinal given at first sight, which group_textboxes asks for in the page's own order."""
    from pdfminer import layout

    if "id" in vars(layout):  # already done
        return
    counter = itertools.count()

    def ordinal(obj: object) -> int:
        seq = obj.__dict__.get("_reviewer_seq")
        if seq is None:
            seq = obj._reviewer_seq = next(counter)  # type: ignore[attr-defined]
        return seq

    layout.id = ordinal  # type: ignore[attr-defined]


def _converter_class():
    """pdfminer's TextConverter, but a line-feed *character* inside a line is written as a space:
    some producers encode the spaces between words that way (pdfminer's own line ends are kept)."""
    from pdfminer.converter import TextConverter
    from pdfminer.layout import LTChar, LTContainer, LTText, LTTextBox

    class SpacedTextConverter(TextConverter):
        def receive_layout(self, ltpage) -> None:
            def render(item) -> None:
                if isinstance(item, LTContainer):
                    for child in item:
                        render(child)
                elif isinstance(item, LTChar) and item.get_text() in ("\n", "\r"):
                    self.write_text(" ")
                elif isinstance(item, LTText):
                    self.write_text(item.get_text())
                if isinstance(item, LTTextBox):
                    self.write_text("\n")

            render(ltpage)
            self.write_text("\f")

    return SpacedTextConverter


def ingest_pdf(data: bytes) -> Document:
    """One part per page; a PDF without a text layer is kept with a notice."""
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    _stable_tie_breaks()
    rsrc = PDFResourceManager(caching=True)
    out = io.StringIO()
    device = _converter_class()(rsrc, out, laparams=LAParams(all_texts=True))  # text in XObjects too
    interpreter = PDFPageInterpreter(rsrc, device)
    doc = Document(text="", format="pdf")
    chunks: list[str] = []
    pos = 0
    nuls = controls = 0
    try:
        with pdfminer_warnings() as read:  # pdfminer logs a damaged stream, and reads on
            for number, page in enumerate(PDFPage.get_pages(io.BytesIO(data), caching=True), 1):
                out.seek(0)
                out.truncate()
                read.check_contents(page.contents)
                interpreter.process_page(page)
                text = out.getvalue().replace("\x0c", "")
                nuls += text.count("\x00")
                text, n = drop_controls(text)
                controls += n
                text = normalize_text(text)
                text = text.rstrip("\n") + "\n"
                marker = f"-------- Page {number} --------\n"
                doc.parts.append(Part("page", pos, pos + len(marker) + len(text), page=number, format="pdf"))
                chunks.append(marker)
                chunks.append(text)
                pos += len(marker) + len(text)
                read.page = number + 1  # what comes next is fetched for the next page
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
    doc.header = printed_header(doc.text)  # a PDF made of a whole submission prints its header
    doc.notices.extend(read.notices(len(doc.parts)))
    if nuls:
        doc.notices.append(nul_notice(nuls))
    if controls:
        doc.notices.append(control_notice(controls))
    if not any(c.strip() and not c.startswith("-------- Page") for c in chunks):
        doc.notices.append(
            f"no text layer: {len(doc.parts)} page(s) of images only (a scan?); "
            "fields must be entered by hand or the file OCRed first"
        )
    return doc
