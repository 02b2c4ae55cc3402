"""Errors a user can cause are values with a code and a Chinese message.

Front ends catch ``FzlintError`` and turn it into one line and exit code 2; no user
mistake should ever surface as a traceback.
"""


import errno
import reprlib

_REPR = reprlib.Repr()
_REPR.maxlevel, _REPR.maxstring, _REPR.maxother = 3, 60, 60


def brief(value) -> str:
    """A value as the user wrote it, for a message: at most 80 characters and three
    levels deep (a YAML alias bomb must not be expanded into the message)."""
    shown = _REPR.repr(value)
    return shown if len(shown) <= 80 else shown[:77] + "..."


_OS_ERRORS = {
    errno.ENOENT: "文件不存在",
    errno.ELOOP: "符号链接循环（链接指向自身）",
    errno.EISDIR: "这是一个目录，不是文件",
    errno.ENOTDIR: "路径中有一段不是目录",
    errno.ENAMETOOLONG: "路径过长",
    errno.EIO: "磁盘读写错误",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "磁盘是只读的",
}


def os_problem(exc: OSError, writing: bool = False) -> str:
    """A Chinese phrase for an operating-system error (the system's own text is English)."""
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "没有写入权限" if writing else "没有读取权限"
    return _OS_ERRORS.get(exc.errno, exc.strerror or type(exc).__name__)


class FzlintError(Exception):
    """Base for every error fzlint reports to a user."""

    code = "error"

    def __init__(self, message: str, path: str | None = None, code: str | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        if code:
            self.code = code

    def line(self) -> str:
        """The one-line form shown to the user: ``path: message``."""
        return f"{self.path}: {self.message}" if self.path else self.message

    def to_dict(self) -> dict:
        return {"code": self.code, "message": self.message}


class ReadError(FzlintError):
    """A file could not be read as a report (empty, binary, corrupt, too big …)."""

    code = "read-error"


class ConfigError(FzlintError):
    """Configuration, waiver or rule files are malformed."""

    code = "config-error"


class RuleError(ConfigError):
    """A rule file is malformed; the message names the rule."""

    code = "rule-error"


class UsageError(FzlintError):
    """A command-line option or argument is wrong; shown as ``fzlint：message``."""

    code = "usage-error"

    def line(self) -> str:
        return f"fzlint：{self.message}"
