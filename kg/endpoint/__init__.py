"""The SPARQL endpoint of `kg serve`, in parts: HTTP (http), the routes (app), which format to answer
in (negotiation), what a query may do (guard) and the limits with their defaults (limits). The
server that puts them together is kg.endpoint.serve; the query workers are kg.ask.pool and kg.ask.worker.
"""
