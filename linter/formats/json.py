"""The JSON contract (README, "JSON result"): version, files, summary."""
import json

from ..document.result import run_to_dict


def render(results, options) -> str:
    return json.dumps(run_to_dict(results), ensure_ascii=False, indent=2) + "\n"
