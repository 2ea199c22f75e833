"""Indian identifiers: PAN, GSTIN, TAN, IFSC, Aadhaar, UAN, mobile, PIN, e-mail."""
