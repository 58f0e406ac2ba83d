"""The only place that talks to boto3, httpx, SQL, Presidio and spaCy."""
