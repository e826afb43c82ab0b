"""Generate a synthetic corpus of N articles for benchmarks.

Articles are assembled from phrasing templates over a topic lexicon (by default
the bundled one's; ``--topic`` takes any ``topic.yaml``): page furniture,
headings, counts of types in words, digits and ranges that sometimes disagree
with the types listed, inline lists, bulleted and numbered lists, placements,
frequency words, prevalence figures of populations, symptoms with hedges,
negations and typicality, treatments with denials and research status, and
prose without any lexicon term in between. Sizes and claim density follow the
bundled corpus (about 8.5 KB and 6 claims per KB: ``python bench/run.py
--calibrate`` measures both on the corpus and on a generated sample).

Article ``i`` depends only on (seed, i), so a corpus of 1,000 articles is the
first 1,000 of one of 125,000, and articles are written to disk one at a time
(125,000 articles, about 1 GB, never sit in memory).

    python bench/generate.py OUT_DIR --articles 1000 [--seed 7] [--topic PATH]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import ahocorasick

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT))  # the repository's audit when it is not installed

from audit.topic import Term, Topic, load_topic  # noqa: E402 - after the path set-up above

DEFAULT_TOPIC = ROOT / "sources" / "calcinosis" / "topic.yaml"
# Mean size of the bundled corpus's articles is about 8.5 KB (5 to 12.5 KB): sizes are drawn around it.
MEAN_BYTES = 8_350
SPREAD_BYTES = (4_500, 14_000)
# Claims per KB follows the bundled corpus (about 6) when rounds of claim sections stop at this share of an
# article's size and prose fills the rest (measured with `python bench/run.py --calibrate`).
CLAIM_SHARE = 0.57
# Share of articles written as Markdown (headings with '#', '-' bullets); the rest are plain text.
MARKDOWN_SHARE = 0.2

WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine",
         10: "ten"}
FURNITURE = ["Advertiser Disclosure", "We may earn a commission when you buy through our links.",
             "Sign up for our newsletter to get weekly tips.", "© 2024 Example Health. All rights reserved.",
             "Privacy Policy | Terms", "Skip to content", "Table of Contents", "Share this article",
             "Medically reviewed by our editorial team", "Was this page helpful? Yes No",
             "Accept all cookies", "Related articles", "5 min read", "Last updated: see below"]
TITLES = ["what you need to know", "types and treatment", "a guide", "symptoms and outlook"]
INTRO_KINDS = ["a condition", "a rare condition", "a group of disorders"]
INTRO_TRAITS = ["doctors see in many settings", "can affect people of any age", "has several causes"]
PUBLISHERS = ["Example Health", "Health Answers", "Clinic Notes", "Patient Guide", "Wellness Weekly",
              "Medical Digest", "Family Health Online", "Care Compass"]
PLACES = ["in the United States", "in Europe", "in Japan", "worldwide", "in the UK", "in Australia", ""]
HEDGES = ["may", "can", "might", "often", "sometimes", "usually", "rarely", "can occasionally"]
RARITY = ["rare", "very rare", "uncommon", "common", "relatively common", "extremely rare"]
RESEARCH = ["is being studied as a treatment for {c}", "has shown promise in small trials for {c}",
            "is under investigation for {c}", "was tried in a case series of {c}"]
# Prose of the kind that fills real articles between the claims: diagnosis, outlook, advice.
# Sentences that happen to hold a lexicon term are dropped when the lexicon is loaded.
PROSE_SUBJECTS = ["Your doctor", "A specialist", "The care team", "A dermatologist", "Your clinician",
                  "A nurse", "The laboratory", "A researcher", "The clinic", "A radiologist"]
PROSE_VERBS = ["will usually ask about", "may want to review", "often looks at", "can check",
               "will take into account", "may recommend a follow-up on", "sometimes orders tests of",
               "is likely to discuss", "keeps a record of", "will explain"]
PROSE_OBJECTS = ["your medical history", "your family history", "the results of blood tests",
                 "the levels of minerals in your blood", "how long the problem has lasted",
                 "any medicines you take", "your kidney function", "the findings of an X-ray",
                 "the appearance of the affected area", "changes since your last visit",
                 "the options that suit you", "what happens next", "how the body handles minerals",
                 "the risks and benefits of each option"]
PROSE_TAILS = ["", "", " before making a decision", " at each appointment", " in detail", " over time",
               " with you and your family", " to rule out other causes", " when the results come back"]
PROSE_EXTRA = [
    "It is important to keep every appointment, even when you feel well.",
    "Write down your questions before you see your doctor.",
    "Outcomes depend on the underlying cause and on how early it is found.",
    "Blood tests measure the levels of calcium, phosphate and vitamin D.",
    "Imaging such as an X-ray or a CT scan shows where the deposits are.",
    "A small sample of tissue may be taken and looked at under a microscope.",
    "Some people find it helpful to talk with others who have the same condition.",
    "Keeping the skin clean and protected lowers the chance of infection.",
    "The outlook varies from person to person.",
    "Studies on this subject are small, and results should be read with care.",
    "This article is for information only and does not replace professional advice.",
    "Always talk with a qualified health professional about your situation.",
    "Recovery can take weeks or months, and follow-up visits help track progress.",
    "The exact mechanism is still not fully understood.",
    "More research is needed to understand who benefits most from each approach.",
    "Regular check-ups make it easier to notice changes early.",
]


@dataclass(frozen=True)
class Vocabulary:
    """What the templates draw on, taken from a topic lexicon."""

    condition: str
    types: list[str]         # a surface form of each type that names it wherever it appears
    type_words: list[str]    # a short form of each type, as used in headings and lists
    entities: list[str]
    treatments: list[tuple[str, ...]]  # per term, the forms that read as nouns in the templates
    populations: list[str]
    symptoms: list[tuple[str, ...]]
    denied_symptoms: list[str]  # forms that deny a symptom ("painless")
    prose: list[str]


def _named_form(term: Term, condition_words: set[str]) -> str:
    """A form that includes the condition's name (it names the type anywhere), else the first form."""
    for form in term.forms:
        if any(re.search(rf"\b{re.escape(word)}\b", form, re.IGNORECASE) for word in condition_words):
            return form
    return term.forms[0] if term.forms else term.name


def _noun_forms(term: Term) -> tuple[str, ...]:
    """The first form and those shaped like nouns ("itchy" or "tender" do not fit "may cause ...")."""
    return (term.forms[0], *(form for form in term.forms[1:3] if form.endswith(("s", "ing", "ness", "ion"))))


def _pick(terms: list[tuple[str, ...]], count: int, rng: random.Random) -> list[str]:
    """``count`` different terms, each by one of its forms."""
    return [rng.choice(forms) for forms in rng.sample(terms, min(count, len(terms)))]


def _lexicon_finder(topic: Topic):
    """A test for 'this sentence holds a lexicon form as a word' (one Aho-Corasick pass per sentence)."""
    automaton = ahocorasick.Automaton()
    for term in topic.terms():
        for form in (*term.forms, *term.negated_forms):
            automaton.add_word(form.lower(), len(form.lower()))
    automaton.make_automaton()

    def holds_term(sentence: str) -> bool:
        folded = f" {sentence.lower()} "
        return any(not folded[end - length].isalnum() and not folded[end + 1].isalnum()
                   for end, length in automaton.iter(folded))

    return holds_term


def vocabulary(topic: Topic) -> Vocabulary:
    condition_words = set(topic.condition.forms) | {topic.condition.name}
    holds_term = _lexicon_finder(topic)
    prose = [f"{subject} {verb} {obj}{tail}." for subject in PROSE_SUBJECTS for verb in PROSE_VERBS
             for obj in PROSE_OBJECTS for tail in PROSE_TAILS]
    prose = [sentence for sentence in prose + PROSE_EXTRA if not holds_term(sentence)]
    return Vocabulary(
        condition=topic.condition.name,
        types=[_named_form(term, condition_words) for term in topic.types],
        type_words=[term.name for term in topic.types],
        entities=[term.forms[0] if term.forms else term.name for term in topic.entities],
        treatments=[term.forms[:2] for term in topic.treatments if term.forms],
        populations=[form for term in topic.populations for form in term.forms[:2]],
        symptoms=[_noun_forms(term) for term in topic.symptoms if term.forms],
        denied_symptoms=[form for term in topic.symptoms for form in term.negated_forms],
        prose=prose,
    )


def _join(items: list[str], rng: random.Random) -> str:
    if len(items) == 1:
        return items[0]
    conjunction = rng.choice([" and ", ", and ", " or "]) if len(items) > 2 else " and "
    return ", ".join(items[:-1]) + conjunction + items[-1]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


class Writer:
    """One article's lines, in plain text or Markdown."""

    def __init__(self, rng: random.Random, markdown: bool):
        self.rng, self.markdown, self.lines = rng, markdown, []
        self.size = 0

    def add(self, line: str) -> None:
        self.lines.append(line)
        self.size += len(line.encode("utf-8")) + 1

    def heading(self, text: str) -> None:
        self.add("")
        self.add(f"## {text}" if self.markdown else text)
        self.add("")

    def bullets(self, items: list[str], numbered: bool = False) -> None:
        for number, item in enumerate(items, 1):
            if numbered:
                self.add(f"{number}. {item}")
            else:
                self.add(f"{'-' if self.markdown else self.rng.choice(['-', '•', '*'])} {item}")
        self.add("")

    def paragraph(self, sentences: list[str]) -> None:
        self.add(" ".join(sentence for sentence in sentences if sentence))
        self.add("")

    def text(self) -> str:
        return "\n".join(self.lines).strip() + "\n"


def _prose(vocab: Vocabulary, rng: random.Random, count: int) -> list[str]:
    return [rng.choice(vocab.prose) for _ in range(count)]


def _count_phrase(n: int, rng: random.Random) -> str:
    """A stated count: a word, digits, a range, a bound or a vague quantity."""
    shape = rng.random()
    if shape < 0.55:
        return WORDS.get(n, str(n))
    if shape < 0.7:
        return str(n)
    if shape < 0.8:
        return f"{WORDS.get(n, str(n))} to {WORDS.get(n + 1, str(n + 1))}"
    if shape < 0.9:
        return f"at least {WORDS.get(n, str(n))}"
    return rng.choice(["several", "a few", "many different"])


def types_section(w: Writer, vocab: Vocabulary, rng: random.Random, c: str) -> None:
    pool = vocab.types + [entity for entity in vocab.entities if rng.random() < 0.35]
    listed = rng.sample(pool, rng.randint(min(3, len(pool)), len(pool)))
    stated = len(listed) + (rng.choice([-1, 1, 2]) if rng.random() < 0.3 else 0)  # counts sometimes disagree
    w.heading(rng.choice([f"Types of {c}", f"What are the types of {c}?", "Types", f"Kinds of {c}"]))
    w.paragraph(_prose(vocab, rng, rng.randint(0, 2)))
    count = _count_phrase(max(stated, 2), rng)
    opener = rng.choice([f"There are {count} main types of {c}", f"{_cap(c)} is divided into {count} types",
                         f"Doctors recognise {count} kinds of {c}", f"There are {count} types of {c}",
                         f"{_cap(c)} has {count} recognised forms"])
    style = rng.random()
    if style < 0.35:
        w.paragraph([f"{opener}.", f"These are {_join(listed, rng)}."])
    elif style < 0.75:
        w.paragraph([f"{opener}:"])
        w.bullets([_cap(item) for item in listed], numbered=rng.random() < 0.3)
    else:
        w.paragraph([f"{opener}: {_join(listed, rng)}."])
    common = rng.choice(listed[:2])
    for item in listed:
        sentences = []
        if item == common:
            sentences.append(rng.choice([f"{_cap(item)} is the most common type of {c}.",
                                         f"{_cap(item)} is the most common form.",
                                         f"The most frequent type is {item}."]))
        elif rng.random() < 0.6:
            sentences.append(f"{_cap(item)} is {rng.choice(RARITY)}.")
        if item in vocab.entities and rng.random() < 0.4:
            target = rng.choice(vocab.types)
            trait = rng.choice(["follows high mineral levels", "is inherited in some families"])
            sentences.append(rng.choice([
                f"{_cap(item)}, also called {target}, {trait}.",
                f"{_cap(item)} is a subtype of {target}.",
                f"{_cap(item)} is a separate type of {c}.",
                f"{_cap(item)} is not a form of {target}.",
                f"Some doctors classify {item} as {target}.",
            ]))
        sentences += _prose(vocab, rng, rng.randint(1, 3))
        if rng.random() < 0.5:
            w.heading(_cap(item))
        w.paragraph(sentences)


def prevalence_section(w: Writer, vocab: Vocabulary, rng: random.Random, c: str) -> None:
    w.heading(rng.choice([f"How common is {c}?", "Prevalence", f"Who gets {c}?", "How common is it?"]))
    sentences = []
    for _ in range(rng.randint(1, 2)):
        population, place = rng.choice(vocab.populations), rng.choice(PLACES)
        low = rng.randint(2, 40)
        high = low + rng.randint(3, 30)
        subject = rng.choice([c, rng.choice(vocab.types)])
        sentences.append(rng.choice([
            f"{_cap(subject)} affects {low}–{high}% of people with {population}{' ' + place if place else ''}.",
            f"About {low}% of patients with {population} develop {subject}.",
            f"{_cap(subject)} occurs in about 1 in {rng.choice(['1,000', '2500', '5,000', '10,000', '50 000'])} people"
            f"{' ' + place if place else ''}.",
            f"An estimated {rng.randint(1, 60)} per 100,000 people have {subject}.",
            f"It is reported in up to {high}% of patients with {population}.",
        ]))
        sentences += _prose(vocab, rng, rng.randint(0, 2))
    w.paragraph(sentences)


def symptoms_section(w: Writer, vocab: Vocabulary, rng: random.Random, c: str) -> None:
    w.heading(rng.choice([f"Symptoms of {c}", "Symptoms", "What are the symptoms?", "Signs and symptoms"]))
    chosen = _pick(vocab.symptoms, rng.randint(5, 9), rng)
    half = len(chosen) // 2
    if rng.random() < 0.5:
        w.paragraph([f"Common symptoms include {_join(chosen[:half], rng)}."])
    else:
        w.paragraph([rng.choice(["Symptoms can include:", "You may notice:", "Signs include:"])])
        w.bullets([_cap(item) for item in chosen[:half]])
    sentences = []
    for symptom in chosen[half:]:
        hedge = rng.choice(HEDGES)
        sentences.append(rng.choice([
            f"Some people {hedge} have {symptom}.",
            f"{_cap(symptom)} {rng.choice(['is not', 'is rarely', 'is usually', 'is often'])} a feature of {c}.",
            f"It does not usually cause {symptom}.",
            f"The deposits {hedge} lead to {symptom}.",
            f"{_cap(symptom)} is a dominant symptom.",
        ]))
        sentences += _prose(vocab, rng, rng.randint(0, 1))
    if vocab.denied_symptoms and rng.random() < 0.5:
        sentences.append(f"The lumps are usually {rng.choice(vocab.denied_symptoms)}.")
    w.paragraph(sentences)


def treatments_section(w: Writer, vocab: Vocabulary, rng: random.Random, c: str) -> None:
    w.heading(rng.choice([f"Treatment of {c}", "Treatment", "How is it treated?", "Treatment options"]))
    chosen = _pick(vocab.treatments, rng.randint(4, 10), rng)
    half = len(chosen) // 2
    if rng.random() < 0.5:
        w.paragraph([rng.choice(["Treatment options include:", "Doctors may use:", "Options include:"])])
        w.bullets([_cap(item) for item in chosen[:half]], numbered=rng.random() < 0.2)
    else:
        w.paragraph([f"Doctors may use {_join(chosen[:half], rng)} to treat {c}."])
    sentences = []
    for treatment in chosen[half:]:
        sentences.append(rng.choice([
            f"{_cap(treatment)} {rng.choice(HEDGES[:3])} help some people.",
            f"{_cap(treatment)} is not used to treat {c}.",
            f"{_cap(treatment)} {rng.choice(RESEARCH).format(c=c)}.",
            f"There is no cure, but {treatment} can reduce the deposits.",
            f"Your doctor may suggest {treatment}.",
        ]))
        sentences += _prose(vocab, rng, rng.randint(0, 2))
    w.paragraph(sentences)


def filler_section(w: Writer, vocab: Vocabulary, rng: random.Random, c: str) -> None:
    w.heading(rng.choice(["Diagnosis", "Outlook", "When to see a doctor", "Living with the condition",
                          "Prevention", f"Causes of {c}", "Frequently asked questions"]))
    w.paragraph(_prose(vocab, rng, rng.randint(3, 7)))


SECTIONS = (types_section, prevalence_section, symptoms_section, treatments_section)


def article(vocab: Vocabulary, seed: int, index: int) -> tuple[str, str]:
    """(text, suffix) of article ``index``: a pure function of (lexicon, seed, index)."""
    rng = random.Random(f"{seed}:{index}")
    markdown = rng.random() < MARKDOWN_SHARE
    w = Writer(rng, markdown)
    c = vocab.condition
    target = min(max(int(rng.gauss(MEAN_BYTES, 2_500)), SPREAD_BYTES[0]), SPREAD_BYTES[1])
    for line in rng.sample(FURNITURE, rng.randint(1, 3)):
        w.add(line)
    w.add("")
    w.add(f"{'# ' if markdown else ''}{_cap(c)}: {rng.choice(TITLES)} ({index})")
    w.add(f"By {rng.choice(PUBLISHERS)} staff, {2010 + index % 15}")
    w.add("")
    kind, trait = rng.choice(INTRO_KINDS), rng.choice(INTRO_TRAITS)
    w.paragraph([f"{_cap(c)} is {kind} that {trait}."] + _prose(vocab, rng, rng.randint(2, 5)))
    sections = list(SECTIONS)
    rng.shuffle(sections)
    # The types are presented once; the other sections come in rounds and prose fills the rest:
    # longer articles say more, as real ones do.
    rounds = 0
    while w.size < target * CLAIM_SHARE and rounds < 4:
        for section in sections:
            if section is not types_section or rounds == 0:
                section(w, vocab, rng, c)
            if rng.random() < 0.5:
                filler_section(w, vocab, rng, c)
        rounds += 1
    while w.size < target:
        filler_section(w, vocab, rng, c)
    for line in rng.sample(FURNITURE, rng.randint(1, 2)):
        w.add(line)
    return w.text(), ".md" if markdown else ".txt"


def _stamp(articles: int, seed: int, vocab: Vocabulary) -> dict:
    """What identifies a corpus: its size, seed, and what the generator writes (its first articles)."""
    sample = "".join(text for index in range(20) for text in article(vocab, seed, index))
    return {"articles": articles, "seed": seed, "sample": hashlib.sha256(sample.encode()).hexdigest()[:16]}


def generate(out: Path, articles: int, seed: int = 7, topic_path: Path = DEFAULT_TOPIC) -> Path:
    """Write the corpus (articles, topic.yaml, sources.yaml) to ``out``, one article at a time.

    A corpus already there from the same generator, seed, lexicon and size is kept:
    ``<out>.json`` beside the folder records what made it.
    """
    stamp_path = out.with_name(out.name + ".json")
    vocab = vocabulary(load_topic(topic_path))
    stamp = _stamp(articles, seed, vocab)
    if out.is_dir() and stamp_path.is_file() and json.loads(stamp_path.read_text()) == stamp:
        return out
    stamp_path.unlink(missing_ok=True)
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    shutil.copy(topic_path, out / "topic.yaml")
    with open(out / "sources.yaml", "w", encoding="utf-8") as manifest:
        manifest.write("sources:\n")
        for index in range(articles):
            source_id = f"a{index:06d}"
            text, suffix = article(vocab, seed, index)
            (out / f"{source_id}{suffix}").write_text(text, encoding="utf-8")
            rng = random.Random(f"{seed}:{index}:manifest")
            entry = {"id": source_id, "file": f"{source_id}{suffix}", "title": f"Article {index}",
                     "publisher": rng.choice(PUBLISHERS),
                     "date": f"20{10 + index % 15}-{rng.randint(1, 12):02d}",
                     "date_kind": rng.choice(["published", "updated", "reviewed"])}
            # JSON's flow mappings are YAML: one line per source, no YAML library needed to write 125k of them.
            manifest.write(f"  - {json.dumps(entry)}\n")
    stamp_path.write_text(json.dumps(stamp) + "\n")
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--topic", type=Path, default=DEFAULT_TOPIC, help="topic.yaml whose lexicon to use")
    arguments = parser.parse_args()
    print(generate(arguments.out, arguments.articles, arguments.seed, arguments.topic))
