"""Bank reconciliation: bank statements and bank ledgers (read as they are exported by
`xlbo.readers`) checked, matched line to line in exact paise, and reconciled in a BRS."""
