"""Articles (web news): headline, byline, lead, body with quotations, contact persons,
publisher, and the web site's boilerplate kept apart from the article's own text.

The rules (all Swedish words and site signs are in `data/article_boilerplate.yml`):
- the headline is the first line; a byline (`Publicerad 12 mars 2021`) may follow among
  the first lines; the lead is the first paragraph after them;
- the boilerplate starts at the first footer line (`Senast uppdaterad:`) after the lead or
  at the trailing run of boilerplate-like lines (social links, the publisher's name, its
  blurb), whichever comes first; its raw lines are kept in `Article.boilerplate`;
- a paragraph opening with a dash or a quotation mark is a quotation; its speaker is named
  in an attribution like `, berättar Eva.` and completed to the full name found in the
  article (`Eva Ahlstedt`); `säger hon` takes the previous quotation's speaker;
- contact lines (`Kontaktperson på GR: Eva Ahlstedt`) give name, organisation, e-mail and
  telephone wherever they stand;
- the publisher is the first organisation of the register named on a short boilerplate
  line (`Göteborgsregionen (GR)`), else the contact person's organisation.
The document's date is not read here: generator/dates.py infers it (bylines included).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any


from generator.model import Article, ContactPerson, Diagnostics, Paragraph, Quote, SourceFile
from generator.parse.blocks import content_blocks, split_blocks
from generator.knowledge import Knowledge
from generator.knowledge.registers import UNKNOWN


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\w+])(?:\+\d{2}[\s-]?|0)\d{1,4}(?:[\s-]?\d{1,4}){2,5}(?!\w)")
_SENTENCE_END = re.compile(r"[.!?]['\"”’)\]]*$")
_SHORT_LINE_WORDS = 6
_BYLINE_MAX_WORDS = 10
_FOOTER_MAX_WORDS = 8
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'’-]*(?:[-'’][^\W\d_]+)*$")


def _key(line: str) -> str:
    return " ".join(line.lower().strip(" .:;,!·|•-–").split())


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 4 and all(
        _NAME_WORD.match(w) and w[0].isupper() and not w.isupper() for w in words)


class _ArticleParser:
    def __init__(self, source: SourceFile, knowledge: Knowledge, diagnostics: Diagnostics) -> None:
        self.source = source
        self.registers = knowledge.registers
        self.diagnostics = diagnostics
        self.terms = knowledge.article_terms
        self.lines = source.body.split("\n")

    def parse(self) -> Article:
        nonblank = [(i + 1, line.strip()) for i, line in enumerate(self.lines) if line.strip()]
        if not nonblank:
            return Article("", None, None, (), (), None, None, (), None)
        headline_line, headline = nonblank[0]
        byline_lines = self._byline(nonblank)
        start = self._boilerplate_start(nonblank, skip=1 + len(byline_lines))
        boilerplate = tuple(line for number, line in nonblank if start is not None and number >= start)
        contacts, contact_lines = self._contacts(nonblank)

        # The article's own text: headline, byline, contact lines and boilerplate blanked out
        # (blank lines keep every line number true).
        removed = {headline_line, *byline_lines, *contact_lines}
        kept = [
            "" if (number in removed or (start is not None and number >= start)) else line
            for number, line in enumerate(self.lines, start=1)
        ]
        blocks: list[Any] = []
        for raw in split_blocks("\n".join(kept)):
            for block in content_blocks(raw):
                blocks.append(_finished(replace(block, line=self.source.file_line(block.line))))
        lead = None
        if blocks and isinstance(blocks[0], Paragraph) and not self._quote_opener(blocks[0].text):
            lead = blocks.pop(0)
        body = self._quotes(blocks, contacts, headline, lead)
        publisher, publisher_written = self._publisher(boilerplate, contacts)
        byline = "\n".join(line for number, line in nonblank if number in byline_lines) or None
        return Article(
            headline=headline, byline=byline, lead=lead, body=tuple(body), contacts=tuple(contacts),
            publisher=publisher, publisher_written=publisher_written, boilerplate=boilerplate,
            boilerplate_line=self.source.file_line(start) if start is not None else None,
            byline_line=self.source.file_line(min(byline_lines)) if byline_lines else None,
        )

    # --- byline, boilerplate ------------------------------------------------------------------

    def _byline(self, nonblank: list[tuple[int, str]]) -> list[int]:
        found: list[int] = []
        for number, line in nonblank[1: self.terms.byline_max_line]:
            if self.terms.byline.match(line) and len(line.split()) <= _BYLINE_MAX_WORDS \
                    and not _SENTENCE_END.search(line):
                found.append(number)
            elif found:
                break
        return found

    def _boilerplate_start(self, nonblank: list[tuple[int, str]], skip: int) -> int | None:
        """Body line where the boilerplate starts (rule in article_boilerplate.yml), or None."""
        first_content = skip + 1  # the lead is never boilerplate
        start: int | None = None
        for number, line in nonblank[first_content:]:
            if self._footer_start(line):
                start = number
                break
        index = len(nonblank)
        while index - 1 >= first_content and self._boilerplate_like(nonblank[index - 1][1]):
            index -= 1
        if index < len(nonblank):
            trailing = nonblank[index][0]
            start = trailing if start is None else min(start, trailing)
        return start

    def _footer_start(self, line: str) -> bool:
        """`Senast uppdaterad: ...`, `Dela artikeln`: a short line, not a sentence of the text
        (`Uppdaterad statistik visar att ...` is not a footer)."""
        return bool(self.terms.footer_start.match(line)) and len(line.split()) <= _FOOTER_MAX_WORDS \
            and not _SENTENCE_END.search(line) and not self.terms.contact.match(line)

    def _boilerplate_like(self, line: str) -> bool:
        if _key(line) in self.terms.footer_lines or self._footer_start(line):
            return True
        if any(p.search(line) for p in self.terms.footer_patterns):
            return True
        return len(line.split()) <= _SHORT_LINE_WORDS and not _SENTENCE_END.search(line) \
            and self._named_body(line) is not None

    def _named_body(self, text: str) -> str | None:
        """The organisation (or municipality) a short line names, as the archive shows it:
        `Göteborgsregionen (GR)` -> `GR`, `Lerums kommun` -> `Lerum`."""
        text = text.strip()
        candidates = [text]
        match = re.fullmatch(r"(?P<outer>[^()]+?)\s*\((?P<inner>[^()]+)\)", text)
        if match:
            candidates += [match.group("outer"), match.group("inner")]
        for candidate in candidates:
            found = self.registers.organisation(candidate)
            if found is not None:
                return found.display
        for candidate in candidates:
            municipality = self.registers.municipality(candidate)
            if municipality is not None and len(candidate.split()) <= 3:
                return municipality.name
        return None

    def _publisher(self, boilerplate: tuple[str, ...], contacts: list[ContactPerson]) -> tuple[str | None, str | None]:
        short = [line for line in boilerplate if len(line.split()) <= _SHORT_LINE_WORDS]
        for line in short:  # an organisation first: a municipality may be named in passing
            if self.registers.organisation(line) is not None or (
                    self._named_body(line) and self.registers.municipality(line) is None):
                return self._named_body(line), line
        for line in short:
            found = self._named_body(line)
            if found is not None:
                return found, line
        for contact in contacts:
            if contact.organisation_written and self._named_body(contact.organisation_written) is not None:
                return contact.organisation, contact.organisation_written
        return None, None

    # --- contacts -----------------------------------------------------------------------------

    def _contacts(self, nonblank: list[tuple[int, str]]) -> tuple[list[ContactPerson], set[int]]:
        contacts: list[ContactPerson] = []
        used: set[int] = set()
        for index, (number, line) in enumerate(nonblank[1:], start=1):
            match = self.terms.contact.match(line)
            if not match:
                continue
            rest = match.group("rest").strip()
            lines = [number]
            written = [line]
            if not rest:
                # `Kontaktperson:` with the details on the lines right below it
                following: list[str] = []
                for next_number, next_line in nonblank[index + 1: index + 4]:
                    if next_number != lines[-1] + 1:
                        break
                    following.append(next_line)
                    lines.append(next_number)
                rest = ", ".join(following)
                written += following
            found = self._contact_people(rest, match.group("org"), "\n".join(written),
                                         self.source.file_line(number))
            if found:
                contacts.extend(found)
                used.update(lines)
        return contacts, used

    def _contact_people(self, rest: str, label_org: str | None, written: str, line: int) -> list[ContactPerson]:
        emails = _EMAIL.findall(rest)
        text = _EMAIL.sub(" ", rest)
        phones = [" ".join(p.split()) for p in _PHONE.findall(text)]
        text = _PHONE.sub(" ", text)
        text = re.sub(r"\(([^()]*)\)", r", \1", text)
        parts = [p.strip(" .;") for p in re.split(r"[,;]|\s+(?:och|samt)\s+", text) if p.strip(" .;")]
        names = [p for p in parts if _looks_like_name(p)]
        others = [p for p in parts if p not in names]
        org_written = label_org.strip() if label_org else None
        if org_written is None:
            org_written = next((p for p in others if self.registers.affiliation(p).kind != UNKNOWN), None)
        organisation = None
        if org_written:
            affiliation = self.registers.affiliation(org_written)
            organisation = affiliation.name if affiliation.kind != UNKNOWN else org_written
        people = []
        for index, name in enumerate(names):
            people.append(ContactPerson(
                name=name, organisation=organisation, organisation_written=org_written,
                email=emails[index] if index < len(emails) else None,
                phone=phones[index] if index < len(phones) else None,
                written=written, line=line,
            ))
        return people

    # --- quotations -----------------------------------------------------------------------------

    def _quote_opener(self, text: str) -> str | None:
        for opener in self.terms.openers:
            if text.startswith(opener) and text[len(opener):len(opener) + 1] in (" ", "\u00a0") + tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ"):
                return opener
        return None

    def _quotes(self, blocks: list[Any], contacts: list[ContactPerson], headline: str,
                lead: Paragraph | None) -> list[Any]:
        texts = [headline] + ([lead.text] if lead else []) + [getattr(b, "text", "") for b in blocks]
        names = [c.name for c in contacts] + _names_in(" ".join(texts))
        previous: tuple[str | None, str | None] = (None, None)
        out: list[Any] = []
        for block in blocks:
            opener = self._quote_opener(block.text) if isinstance(block, Paragraph) else None
            if opener is None:
                out.append(block)
                continue
            body = block.text[len(opener):].strip()
            quote, speaker, verb, attribution = body, None, None, None
            match = self.terms.attribution.search(body)
            if match:
                who = self._speaker(match.group("who"))
                if who is not None:
                    verb = match.group("verb")
                    end = match.start("who") + len(who)
                    # The attribution runs to the end of its sentence: `, säger Eva Ek, chef
                    # för AME.` / `, säger Jonas Berg som driver ett byggföretag.`
                    stop = re.search(r"[.!?](?=\s|$)", body[end:])
                    end = end + stop.start() if stop else len(body)
                    attribution = body[match.start("verb"):end].strip()
                    before = body[: match.start()].rstrip(" ,")
                    after = body[end:].lstrip(" .!?")
                    quote = " ".join(p for p in (before, after) if p).strip()
                    speaker = who
            speaker_name = None
            if speaker is not None and speaker.lower() in self.terms.pronouns:
                speaker, speaker_name = previous
            elif speaker is not None:
                speaker_name = _full_name(speaker, names)
            out.append(Quote(block.text, _strip_closing(quote, opener), speaker, speaker_name, verb, attribution,
                             block.line))
            if speaker is not None:
                previous = (speaker, speaker_name)
        return out

    def _speaker(self, who: str) -> str | None:
        words = who.split()
        if words and words[0].lower() in self.terms.pronouns:
            return words[0]
        taken: list[str] = []
        for word in words:
            if _NAME_WORD.match(word) and word[0].isupper():
                taken.append(word)
            else:
                break
        return " ".join(taken) or None


def _strip_closing(text: str, opener: str) -> str:
    if opener in "”“\"»":
        return text.strip().rstrip("”“\"«»").strip()
    return text.strip()


_FULL_NAME = re.compile(r"(?<![\w-])([A-ZÅÄÖÉ][a-zåäöéüß]+(?:-[A-ZÅÄÖÉ][a-zåäöéüß]+)?)"
                        r"\s+([A-ZÅÄÖÉ][a-zåäöéüß]+(?:-[A-ZÅÄÖÉ][a-zåäöéüß]+)?)(?![\w-])")


def _names_in(text: str) -> list[str]:
    return [f"{m.group(1)} {m.group(2)}" for m in _FULL_NAME.finditer(text)]


def _full_name(speaker: str, names: list[str]) -> str | None:
    """`Eva` -> `Eva Ahlstedt` when the article names her in full (first or last name)."""
    if len(speaker.split()) >= 2:
        return speaker
    for name in names:
        words = name.split()
        if words[0] == speaker or words[-1] == speaker:
            return name
    return None


def _finished(block: Any) -> Any:
    if isinstance(block, Paragraph) and "\n" in block.text:
        return Paragraph(" ".join(p.strip() for p in block.text.split("\n") if p.strip()), block.line)
    return block


def article_plain_blocks(article: Article) -> tuple[Any, ...]:
    """The article's own text as plain blocks (Paragraph, BulletList, SubHeading) for
    `Document.preamble`: byline, lead, body (quotations as written), contact lines.
    The boilerplate is left out; it stays in the verbatim original."""
    blocks: list[Any] = []
    if article.byline:
        blocks.append(Paragraph(article.byline, article.byline_line or 0))
    if article.lead is not None:
        blocks.append(article.lead)
    for block in article.body:
        blocks.append(Paragraph(block.text, block.line) if isinstance(block, Quote) else block)
    for written in dict.fromkeys(c.written for c in article.contacts):
        line = next(c.line for c in article.contacts if c.written == written)
        blocks.append(Paragraph(written, line))
    return tuple(blocks)


def parse_article(source: SourceFile, knowledge: Knowledge, diagnostics: Diagnostics) -> Article:
    return _ArticleParser(source, knowledge, diagnostics).parse()

