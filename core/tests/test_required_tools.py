import pytest

from core.tests import tools


def test_without_the_program_its_tests_skip_locally(monkeypatch):
    monkeypatch.setattr(tools, "SEARCH_PATH", "/nonexistent")
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install nginx"):
        tools.require_tool("nginx", "nginx")


def test_without_the_program_its_tests_fail_on_ci(monkeypatch):
    monkeypatch.setattr(tools, "SEARCH_PATH", "/nonexistent")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI is set but nginx is missing"):
        tools.require_tool("nginx", "nginx")
