"""The SPARQL endpoint of `kg serve`, in parts: HTTP (http), the routes (app), which format to answer
in (negotiation), what a query may do (guard) and the limits with their defaults (limits). The
server that puts them together is kg.serve; the query workers are kg.querypool and kg.queryworker.
"""
