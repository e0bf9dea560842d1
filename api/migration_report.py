"""``kanta-onboarding migrate``: a migration plan printed as tables, then the migration and its outcome."""

from __future__ import annotations

import getpass
import sys

import engine


def migrate_and_report(database_url, key, from_version, to_version, mapping, dry_run) -> int:
    running = engine.Engine(database_url, apply_migrations=False)
    try:
        plan = running.migration_plan(key, from_version, to_version, mapping)
        print(plan_text(plan))
        outcome = running.migrate_instances(
            key,
            from_version,
            to_version,
            actor=f"cli:{getpass.getuser()}",
            mapping=mapping,
            dry_run=dry_run,
        )
    except (engine.NotFound, engine.InvalidData) as error:
        print(f"{error}", file=sys.stderr)
        for field_error in getattr(error, "errors", []):
            print(f"  {field_error.field}: {field_error.message}", file=sys.stderr)
        return 2
    finally:
        running.close()
    verb = "would move" if dry_run else "moved"
    print(f"\n{verb}: {len(outcome.migrated)} instance(s); could not move: {len(outcome.refused)}")
    for refused in outcome.refused:
        print(f"  {refused.instance_id}: {'; '.join(refused.reasons)}")
    return 1 if outcome.refused else 0


def plan_text(plan) -> str:
    lines = [f"{plan.process_key}: version {plan.from_version} → {plan.to_version}"]
    for process in plan.processes:
        lines.append(f"\nprocess {process.process_key}" + (" (dropped)" if process.dropped else ""))
        rows = [("added", e) for e in process.added] + [("removed", e) for e in process.removed]
        rows += [("changed", f"{e} ({', '.join(what)})") for e, what in process.changed.items()]
        rows += [("matched", f"{old} → {new}") for old, new in process.moved_to.items()]
        lines += table(("change", "element"), rows or [("none", "")])
    lines.append("\nwhere the instances wait")
    rows = [
        (w.element_id, str(w.instances), w.after or "NEEDS A MAPPING (--map OLD=NEW)") for w in plan.waiting
    ]
    lines += table(("now at", "instances", "after migration"), rows or [("(none waiting)", "", "")])
    on_version = f"{plan.instances} instance(s) on version {plan.from_version}"
    lines.append(f"\n{on_version}; blocked: {plan.blocked_count}")
    return "\n".join(lines)


def table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=False)]
    line = "  ".join(f"{{:<{w}}}" for w in widths)
    return [line.format(*header).rstrip(), line.format(*("-" * w for w in widths))] + [
        line.format(*row).rstrip() for row in rows
    ]
