"""What tests, features and benchmarks run the service with: the real ``kanta-onboarding serve`` on a free
loopback port (``harness.server``) and a private PostgreSQL server (``harness.postgres``)."""
