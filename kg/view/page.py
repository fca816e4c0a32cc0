def render_page(): pass
def write_page(): pass
