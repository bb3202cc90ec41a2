"""The finance and team-lead views of the desktop app: dashboard, reports, documents."""
