"""Articles (web news): headline, byline, lead, body with quotations, contact persons,
publisher, and the web site's boilerplate kept apart from the article's own text.

The rules (all Swedish words and site signs are in `data/article_boilerplate.yml`):
- the web site's chrome before the article (skip links, cookie banner, the site's name,
  menu, search, breadcrumbs) is kept apart in `Article.chrome` (the top rule);
- the headline is the first line after the chrome; a byline (`Publicerad 12 mars 2021`)
  may stand above or below it; the lead is the first paragraph after them; the byline's
  `Publicerad` date is the publication date (`Article.published`), never an update date;
- the boilerplate starts at the first footer line (`Senast uppdaterad:`) after the lead or
  at the trailing run of boilerplate-like lines (social links, the publisher's name, its
  blurb), whichever comes first; its raw lines are kept in `Article.boilerplate`;
- a paragraph opening with a dash or a quotation mark is a quotation; its speaker is named
  in an attribution like `, berättar Eva.` and completed to the full name found in the
  article (`Eva Ahlstedt`); `säger hon` takes the person last named before it (the pronoun rule);
- contact lines (`Kontaktperson på GR: Eva Ahlstedt`) and contact blocks under a label
  (`Kontakt`, then name, title and organisation, e-mail, telephone on lines of their own)
  give name, title, organisation, e-mail and telephone wherever they stand;
- the publisher is the first organisation of the register named on a short boilerplate
  line (`Göteborgsregionen (GR)`), else the contact person's organisation.
Without a `Publicerad` date, generator/parse/dates.py infers the document's date.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Sequence


from generator.model import (
    Article, ContactPerson, DateSource, Diagnostics, DocumentDate, Paragraph, Precision, Quote, SourceFile, SubHeading,
)
from generator.parse.blocks import content_blocks, split_blocks
from generator.parse.dates import _full_dates, _Text
from generator.knowledge import Knowledge
from generator.knowledge.registers import UNKNOWN


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\w+])(?:\+\d{2}[\s-]?|0)\d{1,4}(?:[\s-]?\d{1,4}){2,5}(?!\w)")
_SENTENCE_END = re.compile(r"[.!?]['\"”’)\]]*$")
_SHORT_LINE_WORDS = 6
_BYLINE_MAX_WORDS = 10
_FOOTER_MAX_WORDS = 8
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'’-]*(?:[-'’][^\W\d_]+)*$")
_RUNNING_END = re.compile(r"[.…]['\"”’)\]»]*$")  # a headline may end in `?` or `!`
_PERSON = re.compile(r"(?<![\w-])[A-ZÅÄÖÉ][a-zåäöéüß]+(?:-[A-ZÅÄÖÉ][a-zåäöéüß]+)?"
                     r"(?: [A-ZÅÄÖÉ][a-zåäöéüß]+(?:-[A-ZÅÄÖÉ][a-zåäöéüß]+)?){1,2}(?![\w-])")
_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_CRUMB_MAX_WORDS = 5
_CONTACT_DETAIL_MAX_WORDS = 12


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
        self.titles = knowledge.agreement_terms
        self.cues = knowledge.date_cues
        self.first_names = knowledge.first_names
        self.lines = source.body.split("\n")

    def parse(self) -> Article:
        nonblank = [(i + 1, line.strip()) for i, line in enumerate(self.lines) if line.strip()]
        if not nonblank:
            return Article("", None, None, (), (), None, None, (), None)
        chrome_lines, headline_line, byline_lines, lead_index = self._top(nonblank)
        headline = next(line for number, line in nonblank if number == headline_line)
        start = self._boilerplate_start(nonblank, skip=lead_index)
        boilerplate = tuple(line for number, line in nonblank if start is not None and number >= start)
        contacts, contact_lines = self._contacts(nonblank)

        # The article's own text: chrome, headline, byline, contact lines and boilerplate
        # blanked out (blank lines keep every line number true).
        removed = {headline_line, *byline_lines, *contact_lines, *chrome_lines}
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
        published, published_line = self._published(nonblank, byline_lines)
        published_written = next((line for number, line in nonblank if number == published_line), None)
        return Article(
            headline=headline, byline=byline, lead=lead, body=tuple(body), contacts=tuple(contacts),
            publisher=publisher, publisher_written=publisher_written, boilerplate=boilerplate,
            boilerplate_line=self.source.file_line(start) if start is not None else None,
            byline_line=self.source.file_line(min(byline_lines)) if byline_lines else None,
            chrome=tuple(line for number, line in nonblank if number in chrome_lines),
            published=published,
            published_line=self.source.file_line(published_line) if published_line else None,
            published_written=published_written,
        )

    # --- the top: chrome, headline, byline ------------------------------------------------------

    def _top(self, nonblank: list[tuple[int, str]]) -> tuple[set[int], int, list[int], int]:
        """(chrome lines, headline line, byline lines, index in `nonblank` of the first line
        after the top) by the top rule of article_boilerplate.yml."""
        chrome: set[int] = set()
        bylines: list[int] = []
        titles: list[tuple[int, int]] = []  # (index, line) of the other top lines
        last_chrome = -1
        end = len(nonblank)
        own = 0  # top lines that are not chrome
        for index, (number, line) in enumerate(nonblank):
            if self._is_byline(line) and own < self.terms.byline_max_line:
                own += 1
                bylines.append(number)
                continue
            if self._is_chrome(line):
                chrome.add(number)
                last_chrome = index
                continue
            own += 1
            if titles and self._running_text(line):
                end = index
                break
            titles.append((index, number))
        if not titles:  # nothing but chrome and bylines: the first line stays the headline
            number = nonblank[0][0]
            chrome.discard(number)
            if number in bylines:
                bylines.remove(number)
            return chrome, number, bylines, 1
        after = [(i, n) for i, n in titles if i > last_chrome]
        headline_index, headline = after[0] if after else titles[-1]
        chrome.update(n for i, n in titles if i < headline_index)
        lead_index = end if end < len(nonblank) else headline_index + 1
        return chrome, headline, bylines, lead_index

    def _is_chrome(self, line: str) -> bool:
        text = _MARKDOWN_LINK.sub(r"\1", line).strip()
        key = _key(text)
        if key in self.terms.chrome_lines or any(p.search(text) for p in self.terms.chrome_patterns):
            return True
        if self._is_breadcrumb(text):
            return True
        return len(text.split()) <= _SHORT_LINE_WORDS and not _SENTENCE_END.search(text) \
            and self._named_body(text) is not None

    def _is_breadcrumb(self, text: str) -> bool:
        """`Start > Nyheter > Arbetsmarknad`: two or more short parts between separators."""
        if not self.terms.breadcrumb.search(text):
            return False
        parts = [p.strip() for p in self.terms.breadcrumb.split(text)]
        return len(parts) >= 2 and all(
            p and len(p.split()) <= _CRUMB_MAX_WORDS and not _RUNNING_END.search(p) for p in parts)

    def _is_byline(self, line: str) -> bool:
        return bool(self.terms.byline.match(line)) and len(line.split()) <= _BYLINE_MAX_WORDS \
            and not _SENTENCE_END.search(line)

    def _running_text(self, line: str) -> bool:
        return bool(_RUNNING_END.search(line)) or len(line.split()) > self.terms.headline_max_words \
            or self._quote_opener(line) is not None

    def _published(self, nonblank: list[tuple[int, str]], bylines: list[int]) -> tuple[str | None, int | None]:
        """The publication date: the first date after a `Publicerad` label, in the byline or
        on a short line of its own anywhere."""
        candidates = [(n, line) for n, line in nonblank if n in bylines] + \
            [(n, line) for n, line in nonblank if n not in bylines and len(line.split()) <= _BYLINE_MAX_WORDS]
        for number, line in candidates:
            for match in re.finditer(r"[^|·•;]+", line):
                part = match.group(0).strip()
                label = self.terms.published.match(part)
                if not label:
                    continue
                dates = _full_dates(_Text(part[label.end():]), self.cues)
                if dates:
                    return dates[0].date.isoformat(), number
        return None, None

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
        if _key(line) in self.terms.footer_lines or self._footer_start(line) or self._is_chrome(line):
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
        """Contact lines and contact blocks, wherever they stand (the contact rule)."""
        contacts: list[ContactPerson] = []
        used: set[int] = set()
        for index, (number, line) in enumerate(nonblank[1:], start=1):
            if number in used:
                continue
            match = self.terms.contact.match(line)
            if match and match.group("rest").strip():
                found = self._contact_people(match.group("rest").strip(), match.group("org"), line,
                                             self.source.file_line(number))
                if found:
                    contacts.extend(found)
                    used.add(number)
                continue
            heading = match or self.terms.contact_heading.match(line)
            if not heading:
                continue
            groups = self._contact_groups(nonblank, index + 1, number)
            found_any = False
            for position, group in enumerate(groups):
                lines = ([(number, line)] if position == 0 else []) + group
                found = self._contact_people(", ".join(text for _, text in group), heading.group("org"),
                                             "\n".join(text for _, text in lines),
                                             self.source.file_line(group[0][0]), block=True)
                if found:
                    found_any = True
                    contacts.extend(found)
                    used.update(n for n, _ in lines)
            if found_any:
                used.add(number)
        return contacts, used

    def _contact_groups(self, nonblank: list[tuple[int, str]], start: int,
                        label_line: int) -> list[list[tuple[int, str]]]:
        """The contact blocks under a contact label: each a name line and its detail lines."""
        groups: list[list[tuple[int, str]]] = []
        previous = label_line
        for number, text in nonblank[start:]:
            gap = number > previous + 1
            # Right under a person without e-mail or telephone yet, a name-like line is
            # another person only with a known first name (else `Skaraborgs Kommunalförbund`
            # would be one).
            strict = bool(groups) and not gap and not self._has_details(groups[-1])
            if self._contact_name(text, strict=strict):
                groups.append([(number, text)])
            elif groups and not gap and self._contact_detail(text):
                groups[-1].append((number, text))
            else:
                break
            previous = number
        return groups

    def _contact_name(self, line: str, strict: bool) -> bool:
        """A line opening a contact block: a name, alone or before `, title, organisation`.
        `strict`: the first name must be a known one (a second person in the same block)."""
        head = _EMAIL.sub(" ", line).split(",")[0].strip()
        if not _looks_like_name(head) or self._title_like(head) or self.registers.affiliation(head).kind != UNKNOWN:
            return False
        return not strict or head.split()[0] in self.first_names

    def _has_details(self, group: list[tuple[int, str]]) -> bool:
        return any(_EMAIL.search(text) or _PHONE.search(text) for _, text in group)

    def _contact_detail(self, line: str) -> bool:
        """An e-mail address, a telephone number, or a short title or organisation line."""
        if _EMAIL.search(line) or _PHONE.search(self.terms.contact_field.sub("", line)):
            return True
        return len(line.split()) <= _CONTACT_DETAIL_MAX_WORDS and not _RUNNING_END.search(line) \
            and not self._boilerplate_like(line) and not self.terms.breadcrumb.search(line)

    def _title_like(self, text: str) -> bool:
        """`Enhetschef`, `processledare`, `chef för ...`: a job title (agreement_terms.yml)."""
        words = text.lower().split()
        if not words:
            return False
        if " ".join(words) in self.titles.title_words or words[0] in self.titles.title_words:
            return True
        return any(words[0].endswith(suffix) for suffix in self.titles.title_suffixes)

    def _contact_people(self, rest: str, label_org: str | None, written: str, line: int,
                        block: bool = False) -> list[ContactPerson]:
        emails = _EMAIL.findall(rest)
        text = _EMAIL.sub(" ", rest)
        phones = [" ".join(p.split()) for p in _PHONE.findall(text)]
        text = _PHONE.sub(" ", text)
        text = re.sub(r"\(([^()]*)\)", r", \1", text)
        parts = [self.terms.contact_field.sub("", p.strip(" .;:")).strip(" .;:") for p in re.split(r"[,;]", text)]
        names: list[str] = []
        others: list[str] = []
        for part in (p for p in parts if p):
            pieces = [x.strip() for x in re.split(r"\s+(?:och|samt)\s+", part)]
            if all(_looks_like_name(x) and not self._title_like(x)
                   and self.registers.affiliation(x).kind == UNKNOWN for x in pieces) \
                    and not (block and names):
                names.extend(pieces)
            else:
                others.append(part)
        org_written = label_org.strip() if label_org else None
        if org_written is None:
            org_written = next((p for p in reversed(others) if self.registers.affiliation(p).kind != UNKNOWN), None)
        if org_written is None:
            org_written = next((p for p in reversed(others) if p[:1].isupper() and not self._title_like(p)), None)
        organisation = None
        if org_written:
            affiliation = self.registers.affiliation(org_written)
            organisation = affiliation.name if affiliation.kind != UNKNOWN else org_written
        titles = [p for p in others if p != org_written]
        title = ", ".join(titles) if len(names) == 1 and titles else None
        people = []
        for index, name in enumerate(names):
            people.append(ContactPerson(
                name=name, organisation=organisation, organisation_written=org_written,
                email=emails[index] if index < len(emails) else None,
                phone=phones[index] if index < len(phones) else None,
                written=written, line=line, title=title,
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
        previous: tuple[str | None, str | None] = (None, None)  # the person last named
        if lead is not None:
            previous = self._last_person(lead.text, previous)
        out: list[Any] = []
        for block in blocks:
            opener = self._quote_opener(block.text) if isinstance(block, Paragraph) else None
            if opener is None:
                out.append(block)
                previous = self._last_person(getattr(block, "text", ""), previous)
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

    def _last_person(self, text: str, previous: tuple[str | None, str | None]) -> tuple[str | None, str | None]:
        """The person named last in a paragraph (the pronoun rule), else `previous`."""
        found = previous
        for match in _PERSON.finditer(text):
            words = match.group(0).split()
            while len(words) > 2 and words[0] not in self.first_names:
                words = words[1:]  # `Enligt Peter Ström`: a sentence's first word before the name
            while len(words) > 2 and self.registers.affiliation(words[-1]).kind != UNKNOWN:
                words.pop()  # `Rana Haddad Tibro`: a place after the name
            name = " ".join(words)
            introduced = re.match(r",\s+[a-zåäö]", text[match.end():])
            if self.registers.affiliation(name).kind != UNKNOWN:
                continue
            if words[0] in self.first_names or introduced:
                found = (name, name)
        return found

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


def publication_date(article: Article) -> DocumentDate | None:
    """The document date an article states in its `Publicerad` line, or None."""
    if article.published is None:
        return None
    reason = f'Publiceringsdatum i texten: "{article.published_written}" (rad {article.published_line})'
    return DocumentDate(article.published, Precision.DAY, DateSource.TEXT, reason)


def actor_text(article: Article, networks: Sequence[str] = ()) -> str:
    """Where an article names the network it is about as the actor: the headline, the lead,
    the sub-headings, and a paragraph that opens with a network's name (`IFO-chefsnätverket
    påbörjade ...`; `networks`: the names and aliases to look for). A network mentioned
    further into a paragraph is not the article's."""
    parts = [article.headline] + ([article.lead.text] if article.lead is not None else [])
    parts += [b.text for b in article.body if isinstance(b, SubHeading)]
    for block in article.body:
        if not isinstance(block, Paragraph):  # a quotation is someone's words, not the actor
            continue
        for name in networks:
            if re.match(rf"{re.escape(name)}(?![\w-])", block.text.strip(), re.IGNORECASE):
                parts.append(name)
    return "\n".join(parts)


def parse_article(source: SourceFile, knowledge: Knowledge, diagnostics: Diagnostics) -> Article:
    return _ArticleParser(source, knowledge, diagnostics).parse()

