"""The `dakto` command's subcommands: its own, and those the add-on registers
in the ``dakto.commands`` entry points (dakto.policy.commands)."""

import argparse
from contextlib import contextmanager
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from dakto.instance import cli
from dakto.policy.commands import Command
from dakto.policy.commands import CommandError
from dakto.policy.commands import t


FEATURE_COMMANDS = {
    "digest": "dakto.policy.editorial_board.digest:Digest",
    "import-dossiers": "dakto.policy.dossier.command:ImportDossiers",
    "import-legal-documents": "dakto.policy.bulk_import.command:ImportLegalDocuments",
    "import-news": "dakto.policy.bulk_import.command:ImportNews",
    "import-procedures": "dakto.policy.bulk_import.command:ImportProcedures",
    "purge-personal-data": "dakto.policy.personal_data.purge:PurgePersonalData",
}


@pytest.fixture(autouse=True)
def english_messages(monkeypatch):
    monkeypatch.setenv("DAKTO_LANG", "en")


def test_the_features_register_their_commands():
    registered = {e.name: e.value for e in entry_points(group=cli.ENTRY_POINT_GROUP)}
    assert FEATURE_COMMANDS.items() <= registered.items()
    commands = cli.registered_commands()
    for name in FEATURE_COMMANDS:
        assert isinstance(commands[name], Command) and commands[name].help


def test_the_tool_names_no_feature_command():
    source = Path(cli.__file__).read_text(encoding="utf-8")
    for name, value in FEATURE_COMMANDS.items():
        assert name not in cli.COMMANDS and f'"{name}"' not in source
        assert value.split(":")[0] not in source


def test_help_lists_every_command(capsys):
    with pytest.raises(SystemExit):
        cli.build_parser().parse_args(["--help"])
    listed = capsys.readouterr().out
    for name in [*cli.COMMANDS, *FEATURE_COMMANDS]:
        assert f"    {name}" in listed


def test_help_is_translated(monkeypatch):
    monkeypatch.setenv("DAKTO_LANG", "vi")
    commands = cli.registered_commands()
    parser = cli.build_parser(commands)
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    helps = {choice.dest: choice.help for choice in sub._choices_actions}
    for name, command in commands.items():
        assert helps[name] == t(command.help)


class Echo(Command):
    help = "say hello"

    def add_arguments(self, parser):
        parser.add_argument("word")

    def run(self, context, args):
        if args.word == "no":
            raise CommandError("refused: no")
        context.say(f"{args.word} {context.settings.storage}")
        return 3 if args.word == "three" else None


class Bare:
    """A command without add_arguments (the contract makes it optional)."""

    help = "nothing to add"

    def run(self, context, args):
        return None


@pytest.fixture
def registered(monkeypatch, tmp_path):
    monkeypatch.setenv("DAKTO_VAR", str(tmp_path / "var"))
    monkeypatch.setenv("DAKTO_INSTANCE", str(Path(__file__).resolve().parents[2] / "instance"))
    commands = {"echo": Echo(), "bare": Bare()}
    monkeypatch.setattr(cli, "registered_commands", lambda: commands)
    return commands


def test_a_registered_command_runs_with_its_exit_code(registered, capsys):
    assert cli.main(["echo", "hello"]) == 0
    assert capsys.readouterr().out == "hello filestorage\n"
    assert cli.main(["echo", "three"]) == 3
    assert cli.main(["bare"]) == 0


def test_a_refusal_is_one_line_and_exit_2(registered, capsys):
    assert cli.main(["echo", "no"]) == 2
    captured = capsys.readouterr()
    assert captured.err == "dakto: error: refused: no\n" and captured.out == ""


def test_a_core_name_is_kept_for_the_core_command(monkeypatch):
    class FakeEntryPoint:
        def __init__(self, name, value):
            self.name, self.value = name, value

        def load(self):
            return self.value

    import importlib.metadata

    fake = [FakeEntryPoint("start", Echo), FakeEntryPoint("echo", Echo)]
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda group: fake)
    assert list(cli.registered_commands()) == ["echo"]


def test_a_command_that_cannot_be_loaded_is_left_out(monkeypatch, capsys):
    class BrokenEntryPoint:
        name, value = "broken", "dakto.policy.nowhere:Broken"

        def load(self):
            raise ImportError("No module named 'dakto.policy.nowhere'")

    class EchoEntryPoint:
        name, value = "echo", "tests:Echo"

        def load(self):
            return Echo

    import importlib.metadata

    fake = [BrokenEntryPoint(), EchoEntryPoint()]
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda group: fake)
    assert list(cli.registered_commands()) == ["echo"]
    assert capsys.readouterr().err == (
        "dakto: the command broken (dakto.policy.nowhere:Broken) cannot be loaded:"
        " No module named 'dakto.policy.nowhere'\n"
    )


# The features' commands, run in the test site through a context like the
# tool's (the end-to-end runs through `dakto` are in tests/dossier,
# tests/editorial_board/test_digest_command.py, tests/feedback) -------------


class SiteContext:
    """``context`` of the contract, on the test layer's site."""

    settings = None

    def __init__(self, portal):
        self.portal = portal
        self.said = []

    @contextmanager
    def site_transaction(self, site_id=None):
        yield self.portal

    def say(self, text):
        self.said.append(text)


def run(portal, name, *argv):
    command = cli.registered_commands()[name]
    parser = argparse.ArgumentParser(prog=f"dakto {name}")
    command.add_arguments(parser)
    context = SiteContext(portal)
    code = command.run(context, parser.parse_args(argv))
    return code, context.said


def test_import_dossiers(manager, tmp_path):
    from dakto.policy.dossier import store

    sample = Path(store.__file__).parent / "sample.csv"
    assert run(manager, "import-dossiers", str(sample)) == (
        None,
        ["Dossiers imported: 4 new, 0 updated, 0 unchanged."],
    )
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "code,procedure_name,procedure_code,applicant_name,received_date,appointment_date,status\n"
        "HS-1,A,,,2026-13-01,,done\n",
        "utf-8",
    )
    with pytest.raises(CommandError) as refused:
        run(manager, "import-dossiers", str(bad))
    first, line = str(refused.value).splitlines()
    assert first == f"Nothing was imported: 1 error(s) in {bad}:"
    assert line.startswith("  line 2, received_date: ")
    with pytest.raises(CommandError, match="No such file: .*none.csv"):
        run(manager, "import-dossiers", str(tmp_path / "none.csv"))


def test_purge_personal_data(manager):
    assert run(manager, "purge-personal-data") == (
        None,
        ["Personal data removed from 0 closed item(s) older than the retention period."],
    )


def test_digest(manager):
    assert run(manager, "digest") == (None, ["Late items: 0; digest messages sent: 0."])


EARLY_READS = """
import ast, sys
from dakto.instance import cli

cli.registered_commands()


def reads_at_import(module):
    tree = ast.parse(open(module.__file__, encoding="utf-8").read())
    for statement in tree.body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        for node in ast.walk(statement):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("section", "get")
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "product_config"
            ):
                return True
    return False


loaded = [m for name, m in sorted(sys.modules.items()) if name.startswith("dakto.policy")]
print([m.__name__ for m in loaded if getattr(m, "__file__", None) and reads_at_import(m)])
"""


def test_loading_the_commands_reads_no_product_config_yet():
    """`dakto` loads every registered command before Zope has read zope.conf:
    a module that reads the product config when imported (audit, lockout,
    antispam: the cluster's shared tables) must not be imported then, or it
    would keep an empty configuration in that process."""
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", EARLY_READS], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
