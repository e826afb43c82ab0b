"""Generate a synthetic corpus of N articles for benchmarks.

Articles are assembled from sentence templates over the bundled calcinosis
lexicon, with page furniture, varied counts, placements, figures and
symptoms, so every extractor and rule has work to do. Deterministic for a
given seed.

    python bench/generate.py OUT_DIR --articles 1000 [--seed 7]
"""
from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOPIC = ROOT / "sources" / "calcinosis" / "topic.yaml"
TYPES = ["dystrophic", "metastatic", "idiopathic", "iatrogenic", "calciphylaxis", "tumoral calcinosis"]
NUMBERS = ["three", "four", "five", "six", "4", "5"]
TREATMENTS = ["diltiazem", "warfarin", "bisphosphonates", "sodium thiosulfate", "surgical removal", "ESWL",
              "minocycline", "rituximab"]
POPULATIONS = ["systemic sclerosis", "dermatomyositis", "lupus", "chronic kidney disease"]
FURNITURE = ["Advertiser Disclosure", "We may earn a commission when you buy through our links.",
             "Sign up for our newsletter to get weekly tips.", "© 2024 Example Health. All rights reserved.",
             "Privacy Policy | Terms"]


def article(rng: random.Random, index: int) -> str:
    chosen = rng.sample(TYPES, rng.randint(3, 6))
    lines = [rng.choice(FURNITURE), f"Calcinosis guide {index}", "Calcinosis is a build-up of calcium in soft tissue."]
    lines.append(f"There are {rng.choice(NUMBERS)} main types of calcinosis.")
    lines.append(f"These are {', '.join(chosen[:-1])} and {chosen[-1]}.")
    lines.append(f"{rng.choice(chosen).capitalize()} calcinosis is the most common type.")
    if rng.random() < 0.5:
        lines.append("Metastatic calcinosis, also called tumoral calcinosis, follows high phosphate levels.")
    else:
        lines.append("Idiopathic calcinosis includes rare subtypes such as tumoral calcinosis.")
    low = rng.randint(5, 40)
    lines.append(f"Deposits form in {low}–{low + rng.randint(5, 30)}% of patients with {rng.choice(POPULATIONS)}.")
    lines.append(rng.choice(["Usually, the condition is not painful.", "Pain is a dominant symptom.",
                             "The lumps can be painful and may ulcerate."]))
    lines.append(f"Doctors may use {rng.choice(TREATMENTS)} to treat calcinosis.")
    for _ in range(rng.randint(5, 20)):  # filler prose, as real articles have
        lines.append("Research into the underlying conditions continues, and doctors weigh each case on its merits.")
    lines.append(rng.choice(FURNITURE))
    return "\n".join(lines) + "\n"


def generate(out: Path, articles: int, seed: int = 7) -> Path:
    rng = random.Random(seed)
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    shutil.copy(TOPIC, out / "topic.yaml")
    manifest = ["sources:"]
    for index in range(articles):
        source_id = f"a{index:06d}"
        (out / f"{source_id}.txt").write_text(article(rng, index), encoding="utf-8")
        manifest.append(f"  - {{id: {source_id}, file: {source_id}.txt, title: Article {index}, date: '20{10 + index % 15}'}}")
    (out / "sources.yaml").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    arguments = parser.parse_args()
    print(generate(arguments.out, arguments.articles, arguments.seed))
