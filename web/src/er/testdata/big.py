from typing import List, Optional
from sqlalchemy import ForeignKey, String, Table, Column, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session

class Base(DeclarativeBase):
    pass

tag_post = Table("tag_post", Base.metadata,
    Column("tag_id", ForeignKey("tag.id"), primary_key=True),
    Column("post_id", ForeignKey("post.id"), primary_key=True))

class Org(Base):
    __tablename__ = "org"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    users: Mapped[List["User"]] = relationship(back_populates="org")
    teams: Mapped[List["Team"]] = relationship(back_populates="org")

class Team(Base):
    __tablename__ = "team"
    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("org.id"))
    org: Mapped["Org"] = relationship(back_populates="teams")
    members: Mapped[List["Membership"]] = relationship(back_populates="team")

class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("org.id"))
    manager_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user_account.id"))
    org: Mapped["Org"] = relationship(back_populates="users")
    manager: Mapped[Optional["User"]] = relationship(remote_side=[id], backref="reports")
    posts: Mapped[List["Post"]] = relationship(back_populates="author")
    profile: Mapped["Profile"] = relationship(back_populates="user", uselist=False)
    memberships: Mapped[List["Membership"]] = relationship(back_populates="user")

class Profile(Base):
    __tablename__ = "profile"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), unique=True)
    user: Mapped["User"] = relationship(back_populates="profile")

class Membership(Base):
    __tablename__ = "membership"
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id"), primary_key=True)
    role: Mapped[str] = mapped_column(String(20))
    user: Mapped["User"] = relationship(back_populates="memberships")
    team: Mapped["Team"] = relationship(back_populates="members")

class Blog(Base):
    __tablename__ = "blog"
    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("org.id"))
    posts: Mapped[List["Post"]] = relationship(back_populates="blog")

class Post(Base):
    __tablename__ = "post"
    id: Mapped[int] = mapped_column(primary_key=True)
    blog_id: Mapped[int] = mapped_column(ForeignKey("blog.id"))
    author_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    blog: Mapped["Blog"] = relationship(back_populates="posts")
    author: Mapped["User"] = relationship(back_populates="posts")
    comments: Mapped[List["Comment"]] = relationship(back_populates="post")
    tags: Mapped[List["Tag"]] = relationship(secondary=tag_post, back_populates="posts")
    attachments: Mapped[List["Attachment"]] = relationship()

class Comment(Base):
    __tablename__ = "comment"
    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("post.id"))
    author_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    post: Mapped["Post"] = relationship(back_populates="comments")
    reactions: Mapped[List["Reaction"]] = relationship(backref="comment")

class Tag(Base):
    __tablename__ = "tag"
    id: Mapped[int] = mapped_column(primary_key=True)
    posts: Mapped[List["Post"]] = relationship(secondary=tag_post, back_populates="tags")

class Attachment(Base):
    __tablename__ = "attachment"
    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("post.id"))
    url: Mapped[str] = mapped_column(String(200))

class Reaction(Base):
    __tablename__ = "reaction"
    id: Mapped[int] = mapped_column(primary_key=True)
    comment_id: Mapped[int] = mapped_column(ForeignKey("comment.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    kind: Mapped[str] = mapped_column(String(10))

class AuditLog(Base):
    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    org_id: Mapped[int] = mapped_column(ForeignKey("org.id"))

class Invite(Base):
    __tablename__ = "invite"
    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id"))
    email: Mapped[str] = mapped_column(String(100))

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
print("ok")
