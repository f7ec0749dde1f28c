"""The project hands `ai/` its settings: a deployment's vocabulary directories."""

from __future__ import annotations

import json

from ai.offline import vocabulary


def test_the_engine_settings_name_a_deployments_vocabulary_directories(tmp_path):
    from types import SimpleNamespace

    from django.conf import settings

    from ai import engines

    (tmp_path / "farm.json").write_text(
        json.dumps(
            {
                "field": "farm",
                "terms": [{"name": "Milking", "aliases": ["dairy parlour"]}],
            }
        )
    )
    try:
        engines.configure(SimpleNamespace(OPENHIRE_VOCABULARY_DIRS=[str(tmp_path)]))
        assert vocabulary.default().lookup("dairy parlour").name == "Milking"
    finally:
        engines.configure(settings)
    assert vocabulary.default().lookup("dairy parlour") is None
