"""Author a VBA project (`vbaProject.bin`) from source text, with no Office: MS-OVBA
compression (`compression`), the Compound File Binary container (`cfb`), and the project
reader and writer (`project`)."""
