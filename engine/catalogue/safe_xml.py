"""Parse diagrams as the untrusted input they are.

BPMN and DMN files come from analysts' machines and from uploads. They are parsed with entity
expansion, DTD loading and network access switched off, and a document that declares a DOCTYPE at
all is refused: no BPMN or DMN tool writes one, so its only use is an attack (external entities,
entity-expansion bombs).
"""

from __future__ import annotations

import codecs
import re

from lxml import etree

from ..problems import Problem


class UnsafeXml(ValueError):
    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=False,
    )


_FIRST_ELEMENT = re.compile(rb"<[A-Za-z_]")
_DECLARED_ENCODING = re.compile(r"""\A(<\?xml[^>]*?\bencoding\s*=\s*)(["'])[^"']*\2""")
_DOCTYPE_REFUSED = "a DOCTYPE declaration is not allowed in a diagram (entities are refused)"


def parse_xml(data: bytes, filename: str) -> etree._ElementTree:
    """Parse ``data`` or raise :class:`UnsafeXml` naming the file and line of what was wrong."""
    first_element = _FIRST_ELEMENT.search(data)
    prolog = data[: first_element.start()] if first_element else data
    if b"<!DOCTYPE" in prolog:
        line = prolog[: prolog.index(b"<!DOCTYPE")].count(b"\n") + 1
        raise UnsafeXml(Problem(filename, line, None, _DOCTYPE_REFUSED))
    try:
        tree = etree.ElementTree(etree.fromstring(data, _parser()))
    except etree.XMLSyntaxError as error:
        line = error.lineno if error.lineno else None
        raise UnsafeXml(Problem(filename, line, None, f"not well-formed XML: {error.msg}")) from None
    if tree.docinfo.doctype:
        raise UnsafeXml(Problem(filename, 1, None, _DOCTYPE_REFUSED))
    return tree


def xml_text(data: bytes, tree: etree._ElementTree, filename: str) -> str:
    """The text of a parsed file, decoded as the parser read it: by its byte order mark or its XML
    declaration (a diagram saved as UTF-16 or ISO-8859-1 is as good as one in UTF-8). Its declaration then
    says UTF-8, which is how the text is stored and served."""
    # lxml names the declared encoding, or UTF-8 when there is no declaration, even after a BOM.
    boms = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"), (codecs.BOM_UTF8, "UTF-8-SIG"))
    boms += ((codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"))
    encoding = next((name for bom, name in boms if data.startswith(bom)), tree.docinfo.encoding or "UTF-8")
    try:
        return _DECLARED_ENCODING.sub(r'\1"UTF-8"', data.decode(encoding), count=1)
    except (LookupError, UnicodeDecodeError) as error:
        reason = (
            f"the file can not be read as {encoding}, the encoding it declares ({error}): save it as UTF-8"
        )
        raise UnsafeXml(Problem(filename, 1, None, reason)) from None
