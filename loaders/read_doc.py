"""Legacy Word ``.doc`` bytes → text, through LibreOffice (``soffice --headless --convert-to docx``).

LibreOffice is an optional system dependency (Debian ``libreoffice-writer-nogui``);
without it the file is refused with a message saying what to do. The conversion
runs in a private temporary directory with its own LibreOffice profile
(``-env:UserInstallation``), so parallel runs and a user's open LibreOffice do not
collide, and is killed after :data:`CONVERT_TIMEOUT_S` seconds.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from loaders.errors import ReadError
from loaders.read_docx import read_docx

CONVERT_TIMEOUT_S = 120
_PROGRAMS = ("soffice", "libreoffice")


def find_soffice() -> str | None:
    """Path of the LibreOffice executable, or None when it is not installed."""
    for program in _PROGRAMS:
        found = shutil.which(program)
        if found:
            return found
    return None


def read_doc(data: bytes, source: str) -> str:
    """The text of a .doc file, converted to .docx by LibreOffice.

    Raises
    ------
    ReadError
        LibreOffice missing, the conversion failed or timed out, or the result is unreadable.
    """
    soffice = find_soffice()
    if soffice is None:
        raise ReadError(".doc needs LibreOffice (soffice) installed; convert it to .docx", source)
    with tempfile.TemporaryDirectory(prefix="policykg-doc-") as tmp:
        workdir = Path(tmp)
        original = workdir / "input.doc"
        original.write_bytes(data)
        command = [
            soffice,
            f"-env:UserInstallation={(workdir / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "docx",
            "--outdir",
            str(workdir / "out"),
            str(original),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=CONVERT_TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired as err:
            raise ReadError(
                f"LibreOffice did not convert the .doc within {CONVERT_TIMEOUT_S} s", source
            ) from err
        converted = workdir / "out" / "input.docx"
        if not converted.is_file():
            raise ReadError("LibreOffice could not convert this .doc (corrupt or not a Word file?)", source)
        return read_docx(converted.read_bytes(), source)
