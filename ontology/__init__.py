"""The policykg vocabulary (policy.ttl, shapes.ttl) and the only place IRIs are minted (terms.py)."""
