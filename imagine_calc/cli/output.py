"""What the commands print as JSON: one shape per record, shared by every command."""

from __future__ import annotations

import json
from typing import Any

from imagine_calc.core.catalog.records import Catalog, Model, Observation
from imagine_calc.core.pricing.quotes import Quote
from imagine_calc.core.text.numbers import json_number


def print_json(data: Any) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False))


def model_json(model: Model, catalog: Catalog) -> dict[str, Any]:
    pro_basis, pro_reason = model.subscription_basis()
    return {
        "id": model.id,
        "name": model.name,
        "description": model.description,
        "tiers": {
            t: {
                "credits": json_number(model.price_at(t)),
                "basis": model.basis_at(t).value,
                "lower_bound": model.lower_bound_at(t),
            }
            for t in model.tiers
        },
        "max_resolution": model.max_resolution,
        "aspect_ratios": list(model.aspect_ratios),
        "requires_subscription": {
            "value": model.requires_subscription,
            "basis": pro_basis.value,
            "reason": pro_reason,
        },
        "unknown": dict(model.unknown),
        "inferred": dict(model.inferred),
        "observed": [observation_json(o) for o in catalog.observations_of(model.id)],
        "origin": model.origin,
    }


def observation_json(o: Observation) -> dict[str, Any]:
    return {
        "model": o.model_id,
        "resolution": o.resolution,
        "aspect_ratio": o.aspect_ratio,
        "images": o.images,
        "prompt_enhancer": o.prompt_enhancer,
        "credits": json_number(o.credits),
        "date": o.date.isoformat(),
    }


def quote_json(quote: Quote) -> dict[str, Any]:
    return {
        "total_credits": json_number(quote.total),
        "known_credits": json_number(quote.known_total),
        "complete": quote.complete,
        "estimated": quote.estimated,
        "state": quote.state.value,
        "basis": quote.basis,
        "lines": [
            {
                "label": line.label,
                "credits": json_number(line.credits),
                "detail": line.detail,
                "basis": line.basis.value,
                "lower_bound": line.lower_bound,
            }
            for line in quote.lines
        ],
        "unknown": list(quote.unknown_reasons),
        "caveats": list(quote.caveats),
    }
