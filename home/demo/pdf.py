"""Small, real, tagged PDF documents for the demo content (no download,
no dependency): headings and paragraphs in Helvetica on A4 pages, with a
structure tree, the document language and title, so that screen readers
read them in order — what the RGAA asks of documents a site offers.
"""

import textwrap
from datetime import datetime

PAGE_WIDTH, PAGE_HEIGHT, MARGIN = 595, 842, 56
STYLES = {  # tag: (font resource, size, leading, characters per line, space after)
    "H1": ("F2", 20, 26, 40, 14),
    "H2": ("F2", 14, 19, 60, 8),
    "P": ("F1", 11, 15, 88, 10),
}


def pdf_text(text: str) -> bytes:
    """A PDF literal string in WinAnsi (cp1252), which has the French letters."""
    raw = text.replace("\u202f", " ").encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def pdf_unicode(text: str) -> bytes:
    """A PDF text string for metadata (UTF-16 with its byte-order mark)."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def layout(blocks):
    """Split (tag, text) blocks into pages of (tag, lines, y) placements."""
    pages, current, y = [], [], PAGE_HEIGHT - MARGIN
    for tag, text in blocks:
        _font, size, leading, width, gap = STYLES[tag]
        lines = textwrap.wrap(text, width) or [""]
        height = leading * len(lines)
        if current and y - height < MARGIN:
            pages.append(current)
            current, y = [], PAGE_HEIGHT - MARGIN
        current.append((tag, lines, y - size))
        y -= height + gap
    pages.append(current)
    return pages


def content_stream(placements, first_mcid):
    parts = []
    for offset, (tag, lines, y) in enumerate(placements):
        font, size, leading, _width, _gap = STYLES[tag]
        text = b" Tj T* ".join(pdf_text(line) for line in lines)
        parts.append(
            b"/%s <</MCID %d>> BDC BT /%s %d Tf %d TL %d %d Td %s Tj ET EMC"
            % (tag.encode(), first_mcid + offset, font.encode(), size, leading, MARGIN, y, text)
        )
    return b"\n".join(parts)


def tagged_pdf(title: str, blocks, author: str = "", lang: str = "fr-FR") -> bytes:
    pages = layout(blocks)
    objects = {}  # number -> body
    catalog, page_tree, regular, bold, struct_root, document, parent_tree, info = range(1, 9)
    # Object numbers: a page and its content stream each, then one per tagged block.
    page_numbers = [(9 + 2 * index, 10 + 2 * index) for index in range(len(pages))]
    next_number = 9 + 2 * len(pages)
    element_numbers = []
    for placements in pages:
        element_numbers.append(list(range(next_number, next_number + len(placements))))
        next_number += len(placements)

    for index, ((page, contents), placements) in enumerate(zip(page_numbers, pages, strict=True)):
        stream = content_stream(placements, 0)
        objects[page] = (
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> "
            b"/Contents %d 0 R /StructParents %d /Tabs /S >>"
            % (page_tree, PAGE_WIDTH, PAGE_HEIGHT, regular, bold, contents, index)
        )
        objects[contents] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
        for mcid, ((tag, _lines, _y), element) in enumerate(zip(placements, element_numbers[index], strict=True)):
            objects[element] = b"<< /Type /StructElem /S /%s /P %d 0 R /Pg %d 0 R /K %d >>" % (
                tag.encode(),
                document,
                page,
                mcid,
            )

    refs = lambda numbers: b" ".join(b"%d 0 R" % n for n in numbers)  # noqa: E731
    all_elements = [n for numbers in element_numbers for n in numbers]
    nums = b" ".join(b"%d [%s]" % (i, refs(numbers)) for i, numbers in enumerate(element_numbers))
    objects[catalog] = (
        b"<< /Type /Catalog /Pages %d 0 R /StructTreeRoot %d 0 R /MarkInfo << /Marked true >> /Lang %s "
        b"/ViewerPreferences << /DisplayDocTitle true >> >>" % (page_tree, struct_root, pdf_text(lang))
    )
    objects[page_tree] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (refs(p for p, _c in page_numbers), len(pages))
    objects[regular] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    objects[bold] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
    objects[struct_root] = b"<< /Type /StructTreeRoot /K %d 0 R /ParentTree %d 0 R /ParentTreeNextKey %d >>" % (
        document,
        parent_tree,
        len(pages),
    )
    objects[document] = b"<< /Type /StructElem /S /Document /P %d 0 R /K [%s] >>" % (struct_root, refs(all_elements))
    objects[parent_tree] = b"<< /Nums [%s] >>" % nums
    stamp = datetime.now().strftime("D:%Y%m%d%H%M%S")
    objects[info] = b"<< /Title %s /Author %s /Producer (Maillage) /CreationDate (%s) >>" % (
        pdf_unicode(title),
        pdf_unicode(author),
        stamp.encode(),
    )
    return serialise(objects, catalog, info)


def serialise(objects, root, info):
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    xref = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += b"%010d 00000 n \n" % offsets[number]
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, root, info, xref)
    return bytes(out)
