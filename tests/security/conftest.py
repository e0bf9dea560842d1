"""What the security tests share: tokens long enough for the service (it refuses shorter ones)."""

from __future__ import annotations

ADMIN_TOKEN = "tok-security-admin-0123456789abcdef"
ANALYST_TOKEN = "tok-security-analyst-0123456789abcdef"
INTEGRATOR_TOKEN = "tok-security-integrator-0123456789abcdef"
TOKENS = f"admin:red-team:{ADMIN_TOKEN},analyst:modeller:{ANALYST_TOKEN},integrator:vendor:{INTEGRATOR_TOKEN}"
