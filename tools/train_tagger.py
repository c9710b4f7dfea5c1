"""Train ``deid/learned``, the learned tagger for quasi-identifiers told in clauses.

Rules catch what can be listed; an event or a trait told in a clause ("was
first on scene at the bus rollover"), a workplace or a narrowing job in the
words of a post cannot all be. This trains a small spaCy tagger (its own
tok2vec, ``tools/tagger.cfg``) to mark each token of those categories in
``corpora/dev.jsonl`` with its tag (the ``tag`` of the category's ``kind:
learned`` rule in ``rules/recognizers``), and writes the best model to
``deid/learned``. Never the test split. Run::

    python tools/train_tagger.py            # 5 to 15 minutes on 2 cores

The corpus is synthetic; its texts go to a temporary folder only for spaCy's
trainer. One draft in ten (chosen by its id) is held back to pick the model.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402
from thinc.api import Config  # noqa: E402
from spacy.cli.train import train  # noqa: E402
from spacy.tokens import DocBin  # noqa: E402

from deid.rules import load_rules  # noqa: E402
from deid.recognizers.learned import MODEL_DIR, NO_TAG  # noqa: E402

CORPUS = ROOT / "corpora" / "dev.jsonl"
CONFIG = Path(__file__).with_name("tagger.cfg")


def _held_back(draft_id: str) -> bool:
    return hashlib.sha256(draft_id.encode()).digest()[0] % 10 == 0


def write_docbins(folder: Path, tags: dict[str, str]) -> None:
    """``train.spacy`` and ``dev.spacy``: every token tagged with its category's tag, or NO_TAG."""
    nlp = spacy.blank("en")
    bins = {"train": DocBin(), "dev": DocBin()}
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            doc = nlp.make_doc(record["text"])
            labels = [NO_TAG] * len(doc)
            for span in record["spans"]:
                if span["label"] in tags:
                    for token in doc.char_span(span["start"], span["end"], alignment_mode="expand"):
                        labels[token.i] = tags[span["label"]]
            for token, label in zip(doc, labels):
                token.tag_ = label
            bins["dev" if _held_back(record["id"]) else "train"].add(doc)
    for name, docbin in bins.items():
        docbin.to_disk(folder / f"{name}.spacy")


def main() -> int:
    tags = {rule.category: rule.recognizer["options"]["tag"] for rule in load_rules().rules.values()
            if rule.kind == "learned"}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_docbins(folder, tags)
        overrides = {"paths.train": str(folder / "train.spacy"), "paths.dev": str(folder / "dev.spacy")}
        train(CONFIG, folder / "out", overrides=overrides)
        shutil.rmtree(MODEL_DIR, ignore_errors=True)
        shutil.copytree(folder / "out" / "model-best", MODEL_DIR)
    config = Config().from_disk(MODEL_DIR / "config.cfg", interpolate=False)
    config["paths"].update(train=None, dev=None)  # the temporary folder is gone
    config.to_disk(MODEL_DIR / "config.cfg", interpolate=False)
    meta_path = MODEL_DIR / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(name="deid_learned", description=__doc__.splitlines()[0],
                spacy_version=f">={spacy.about.__version__.rsplit('.', 1)[0]}.0,<3.9.0")
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_DIR} (tags: {', '.join(f'{t} = {c}' for c, t in tags.items())})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
