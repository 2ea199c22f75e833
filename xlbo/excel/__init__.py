"""What the Excel doors share: worksheet-function implementations (cells in, cells out) and
their registry, from which the classic add-in's `udfs/` and the xlwings Lite `main.py` are
checked and generated. Nothing here imports xlwings."""
