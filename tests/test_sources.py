"""deid.sources: reading drafts from files and stdin, with plain-language errors."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from deid.sources import MAX_BYTES, STDIN, Draft, InputError, decode, expand, read_path, read_stdin, skipped_note

TEXT = "Caf\u00e9 \U0001F600 na\u00efve\r\nsecond line\r\n"


def read_bytes_as_draft(tmp_path, data: bytes, encoding: str = "utf-8") -> str:
    path = tmp_path / "draft.txt"
    path.write_bytes(data)
    draft = read_path(str(path), encoding)
    assert draft == Draft(str(path), draft.text)
    return draft.text


# ------------------------------------------------------------------ decoding


def test_plain_utf8(tmp_path):
    assert read_bytes_as_draft(tmp_path, TEXT.encode("utf-8")) == TEXT


def test_utf8_bom_is_stripped(tmp_path):
    assert read_bytes_as_draft(tmp_path, b"\xef\xbb\xbf" + TEXT.encode("utf-8")) == TEXT


@pytest.mark.parametrize("spelling", ["utf-8", "UTF-8", "utf8", "utf_8"])
def test_bom_is_stripped_whatever_the_utf8_spelling(spelling):
    assert decode(b"\xef\xbb\xbfhello", "x", spelling) == "hello"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_decoded(tmp_path, codec):
    bom = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[codec]
    data = bom + TEXT.encode(codec)  # "utf-16" writes its own BOM
    assert data[:2] in (b"\xff\xfe", b"\xfe\xff")
    assert read_bytes_as_draft(tmp_path, data) == TEXT


def test_crlf_and_lone_cr_are_preserved(tmp_path):
    data = b"one\r\ntwo\rthree\nfour\r\n"
    assert read_bytes_as_draft(tmp_path, data) == "one\r\ntwo\rthree\nfour\r\n"


def test_empty_file_reads_as_empty_text(tmp_path):
    assert read_bytes_as_draft(tmp_path, b"") == ""


def test_named_encoding_is_used(tmp_path):
    assert read_bytes_as_draft(tmp_path, "r\u00e9sum\u00e9".encode("latin-1"), "latin-1") == "r\u00e9sum\u00e9"


def test_unknown_encoding_is_an_input_error():
    with pytest.raises(InputError, match="Unknown encoding"):
        decode(b"hello", "x", "klingon-8")


# -------------------------------------------------------------------- errors


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    b"%PDF-1.7\n" + b"\x00" * 4,
    b"PK\x03\x04\x14\x00\x06\x00",  # .docx
    b"text first, then a NUL\x00",
])
def test_binary_is_refused(tmp_path, data):
    with pytest.raises(InputError) as info:
        read_bytes_as_draft(tmp_path, data)
    message = str(info.value)
    assert "binary" in message
    assert "draft.txt" in message


@pytest.mark.parametrize("prefix", [b"", b"abc", "Caf\u00e9 \U0001F600 ".encode("utf-8")])
def test_invalid_utf8_names_the_byte_offset(tmp_path, prefix):
    data = prefix + b"\xff" + b" rest"
    with pytest.raises(InputError) as info:
        read_bytes_as_draft(tmp_path, data)
    message = str(info.value)
    assert f"byte {len(prefix)}" in message
    assert "UTF-8" in message and "draft.txt" in message
    assert "--encoding" in message


def test_invalid_utf8_offset_counts_the_bom():
    with pytest.raises(InputError, match=r"byte 5\b"):
        decode(b"\xef\xbb\xbfab\xff", "x")


def test_utf16_without_bom_reads_with_a_named_encoding():
    assert decode("hello".encode("utf-16-le"), "x", "utf-16-le") == "hello"


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        read_path(str(tmp_path / "nope.txt"))


def test_directory(tmp_path):
    with pytest.raises(InputError, match="folder"):
        read_path(str(tmp_path))


# ------------------------------------------------------------------- folders


def test_folder_expands_to_its_drafts_recursively_sorted(tmp_path):
    for name in ("b.txt", "a.md", "sub/c.eml", "sub/deeper/d.TXT", "x.pdf", "sub/y.docx",
                 ".hidden.txt", ".git/e.txt", "sub/.cache/f.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    paths, skipped = expand([str(tmp_path)])
    rel = [str(Path(p).relative_to(tmp_path)) for p in paths]
    assert rel == sorted(rel) == sorted(["b.txt", "a.md", "sub/c.eml", "sub/deeper/d.TXT"])
    assert sorted(str(Path(p).relative_to(tmp_path)) for p in skipped) == ["sub/y.docx", "x.pdf"]


def test_files_stdin_and_missing_paths_are_kept_in_order(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text("x", encoding="utf-8")
    args = ["missing.txt", STDIN, str(tmp_path / "d"), "scan.pdf"]
    paths, skipped = expand(args)
    assert paths == ["missing.txt", STDIN, str(tmp_path / "d" / "a.txt"), "scan.pdf"]
    assert skipped == []


def test_folder_without_drafts_is_an_input_error(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(b"%PDF")
    with pytest.raises(InputError, match="no draft files"):
        expand([str(tmp_path)])


def test_skipped_note_names_a_few_files():
    assert skipped_note(["a.pdf"]) == "Skipped 1 file that is not a draft (.txt, .md, .eml): a.pdf."
    note = skipped_note([f"{i}.pdf" for i in range(8)])
    assert note.startswith("Skipped 8 files that are not a draft") and note.endswith("4.pdf and 3 more.")


def test_oversized_file(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.truncate(MAX_BYTES + 1)  # sparse: no real disk use
    with pytest.raises(InputError, match="MB"):
        read_path(str(path))


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_endless_device_is_refused_not_read_forever():
    with pytest.raises(InputError, match="MB"):
        read_path("/dev/zero")


# --------------------------------------------------------------------- stdin


def fake_stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_is_read_as_bytes_with_bom_stripped_and_crlf_kept(monkeypatch):
    fake_stdin(monkeypatch, b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    assert read_stdin() == Draft("<stdin>", TEXT)


def test_stdin_binary_is_refused(monkeypatch):
    fake_stdin(monkeypatch, b"\x00\x01\x02")
    with pytest.raises(InputError, match="binary"):
        read_stdin()


def test_closed_or_missing_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", None)
    with pytest.raises(InputError, match="no input"):
        read_stdin()
    closed = io.TextIOWrapper(io.BytesIO(b""))
    closed.close()
    monkeypatch.setattr(sys, "stdin", closed)
    with pytest.raises(InputError, match="no input"):
        read_stdin()
