"""--jobs gives a serial run's output; --cache skips analysis of unchanged documents."""
import shutil

from conftest import SEED
from factcheck import hookimpl

CLEAN = "The council approved 40 new homes on Tuesday.\n"


def make_folder(root, count=9):
    docs = root / "docs"
    docs.mkdir()
    for i in range(count):
        if i % 3 == 0:
            shutil.copy(SEED, docs / f"{i:02d}.txt")
        else:
            (docs / f"{i:02d}.md").write_text(CLEAN * (i + 1))
    (docs / "05b.txt").write_bytes(b"caf\xe9 broken")
    return docs


def test_parallel_output_and_errors_match_a_serial_run(run_cli, tmp_path):
    make_folder(tmp_path)
    serial = run_cli("check", "--format", "json", "--jobs", "1", "docs")
    parallel = run_cli("check", "--format", "json", "--jobs", "3", "docs")
    assert serial.code == parallel.code == 2
    assert serial.out == parallel.out and serial.err == parallel.err
    assert len(serial.json()["files"]) == 9 and "05b.txt: not UTF-8" in serial.err


def test_text_format_is_identical_in_parallel(run_cli, tmp_path):
    make_folder(tmp_path)
    assert run_cli("check", "-j", "1", "docs").out == run_cli("check", "-j", "2", "docs").out


def test_jobs_must_be_positive(run_cli, capsys):
    import pytest

    with pytest.raises(SystemExit) as info:
        run_cli("check", "--jobs", "0", "x")
    assert info.value.code == 2 and "at least 1" in capsys.readouterr().err


class CountsExtraction:
    def __init__(self):
        self.calls = 0

    @hookimpl
    def factcheck_extract(self, document, units):
        self.calls += 1
        return []


def check_folder(checker, folder, cache):
    errors = []
    reports = list(checker.check_paths(checker.iter_files([str(folder)]), errors.append, cache_folder=cache))
    return reports, errors


def test_a_second_run_over_an_unchanged_folder_does_no_extraction(make_checker, tmp_path):
    docs = make_folder(tmp_path)
    cache = tmp_path / "cache"
    counter = CountsExtraction()
    checker = make_checker(plugins=[counter])
    first, _ = check_folder(checker, docs, cache)
    assert counter.calls == 9
    second, errors = check_folder(checker, docs, cache)
    assert counter.calls == 9, "no document was extracted again"
    assert [r.findings for r in first] == [r.findings for r in second]
    assert [r.document.sentences for r in first] == [r.document.sentences for r in second]
    assert len(errors) == 1
    (docs / "01.md").write_text(CLEAN + "It grew sharply, from 100 to 101 homes.\n")
    check_folder(checker, docs, cache)
    assert counter.calls == 10, "only the edited document is analysed again"


def test_a_changed_rule_invalidates_the_cache(make_checker, tmp_path):
    docs = make_folder(tmp_path)
    cache = tmp_path / "cache"
    check_folder(make_checker(), docs, cache)
    rule = tmp_path / "strict.yaml"
    rule.write_text("id: change-descriptor\nkind: change-descriptor\nmessage: 'strict {descriptor}'\n"
                    "params:\n  classes:\n    small: {max_change: 0.01, words: [incremental]}\n")
    reports, _ = check_folder(make_checker(rules=(rule,)), docs, cache)
    assert {f.message for r in reports for f in r.findings} == {"strict incremental"}


def test_a_damaged_cache_entry_is_recomputed(make_checker, tmp_path):
    docs = make_folder(tmp_path, count=1)
    cache = tmp_path / "cache"
    first, _ = check_folder(make_checker(), docs, cache)
    for entry in cache.rglob("*.json"):
        entry.write_text("{not json")
    second, _ = check_folder(make_checker(), docs, cache)
    assert [r.findings for r in first] == [r.findings for r in second] and first[0].findings


def test_cache_from_the_command_line(run_cli, tmp_path):
    make_folder(tmp_path)
    first = run_cli("check", "--format", "json", "--cache", "cache", "docs")
    second = run_cli("check", "--format", "json", "--cache", "cache", "-j", "2", "docs")
    assert first.out == second.out and any((tmp_path / "cache").rglob("*.json"))


def test_the_fingerprint_covers_modules_a_builtin_plugin_imports(make_checker, tmp_path, monkeypatch):
    from factcheck import cache

    checker = make_checker()
    before = cache.fingerprint(checker.rules, checker.pm.get_plugins())
    fake_root = tmp_path / "factcheck"
    (fake_root / "builtin" / "extract").mkdir(parents=True)
    (fake_root / "builtin" / "extract" / "quantities.py").write_text("# one version\n")
    monkeypatch.setattr(cache, "_PACKAGE", fake_root)
    first = cache.fingerprint(checker.rules, checker.pm.get_plugins())
    (fake_root / "builtin" / "extract" / "quantities.py").write_text("# another version\n")
    second = cache.fingerprint(checker.rules, checker.pm.get_plugins())
    assert len({before, first, second}) == 3


def test_plugins_see_only_the_users_documents_in_parallel(run_cli, tmp_path):
    # the workers are warmed up on a paragraph of factcheck's own: no plugin hook may see it
    make_folder(tmp_path)
    log = tmp_path / "seen.txt"
    (tmp_path / "seen.py").write_text(
        "from factcheck import hookimpl\n\n"
        "@hookimpl\n"
        "def factcheck_extract(document, units):\n"
        f"    with open({str(log)!r}, 'a') as out:\n"
        "        out.write(document.path + '\\n')\n"
        "    return []\n")
    run_cli("check", "--plugins", "seen.py", "--jobs", "2", "docs")
    seen = sorted(log.read_text().split())
    assert len(seen) == 9 and all(path.startswith("docs") for path in seen)
