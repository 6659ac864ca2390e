"""National support programmes: the programme pages, their index and their FAQ, contacts and documents."""
