"""Security hardening (Article 12.5): login lockout, password policy, session
and cookie settings, security headers, upload sniffing, ZMI access and the
audit log."""
