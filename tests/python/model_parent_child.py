# features: classes modelling a one-to-many relationship with back-references, list management, reprs
class Author:
    def __init__(self, name):
        self.name = name
        self.books = []

    def add(self, book):
        if book.author is not None:
            book.author.books.remove(book)
        book.author = self
        self.books.append(book)
        return book

    def __repr__(self):
        return f"<Author {self.name!r} books={len(self.books)}>"

class Book:
    def __init__(self, title, year):
        self.title = title
        self.year = year
        self.author = None

    def __repr__(self):
        owner = self.author.name if self.author else None
        return f"Book(title={self.title!r}, year={self.year}, author={owner!r})"

ann, bob = Author("Ann"), Author("Bob")
b1 = ann.add(Book("Rust", 2021))
b2 = ann.add(Book("SQL", 2019))
b3 = Book("Orphan", 2000)
print(ann, bob, b3)
print(ann.books)
bob.add(b2)
print(ann.books, bob.books)
print([b.author for b in (b1, b2, b3)])
for author in sorted([bob, ann], key=lambda a: a.name):
    titles = ", ".join(b.title for b in sorted(author.books, key=lambda b: b.year))
    print(f"{author.name:<5} -> {titles or '(none)'}")
by_year = {}
for b in [b1, b2, b3]:
    by_year.setdefault(b.year // 10 * 10, []).append(b.title)
print(dict(sorted(by_year.items())))
ann.books.clear()
print(ann, b1.author, b1)
