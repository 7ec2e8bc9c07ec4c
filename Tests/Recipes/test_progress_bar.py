"""`cairn build`'s progress bar: drawn on a terminal, never in a log."""
import os
import pathlib
import pty
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[2]
CAIRN = pathlib.Path(os.environ.get("CAIRN_BINARY", ROOT / ".build" / "debug" / "cairn")).resolve()


def test_a_build_on_a_terminal_draws_a_bar_and_clears_it(tmp_path):
    for index in range(60):
        (tmp_path / "content" / "plans").mkdir(parents=True, exist_ok=True)
        (tmp_path / "content" / "plans" / f"plan-{index}.md").write_text(f"# Plan {index}\n- [ ] task\n")
    controller, terminal = pty.openpty()
    process = subprocess.Popen([str(CAIRN), "build"], cwd=tmp_path, stdout=subprocess.PIPE, stderr=terminal,
                               stdin=subprocess.DEVNULL)
    os.close(terminal)
    output, _ = process.communicate(timeout=120)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(controller)
    assert process.returncode == 0
    text = shown.decode("utf-8", "replace")
    assert "Reading ▕" in text and "60/60" in text
    assert "Writing ▕" in text
    assert text.endswith("\r\x1b[K")
    assert output.decode().startswith("Built 60 documents")
