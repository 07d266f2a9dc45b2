"""Errors, retries and timeouts, handled by class.

The error classes carry the openai SDK's names, so `except` clauses port over:

    PortkeyError
      PortkeyValidationError        a bad option, raised before anything is sent (also a ValueError)
      APIError
        APIConnectionError          no answer: refused, reset, DNS
          APITimeoutError           the client's own timeout
        APIStatusError              an error answer: .status_code, .message, .body, .trace_id
          BadRequestError 400, AuthenticationError 401, PermissionDeniedError 403, NotFoundError 404,
          RequestTimeoutError 408 (the gateway's request_timeout), ConflictError 409,
          UnprocessableEntityError 422, RateLimitError 429, InternalServerError 5xx
        APIStreamError              an error event in the middle of a stream

Retries: every call retries connection errors, timeouts, 408, 409, 429 and 5xx (`max_retries=2` by
default, per client or per call with `with_options`), waiting as `retry-after-ms` / `Retry-After` ask,
else with exponential backoff. Timeouts: `timeout=` (seconds) bounds the client's wait;
`request_timeout=` (milliseconds) makes the gateway give up on the provider and answer 408. Retrying at
the gateway instead (`"retry": {"attempts": 3}` in a config) saves the round trips from your service.

Against a gateway on this machine (`make demo EXAMPLE=examples/errors.py` starts the real gateway and
a local model server that is slow, then rate limits, then refuses an unknown model), or one you started::

    PORTKEY_BASE_URL=http://127.0.0.1:8787/v1 \\
    PORTKEY_CONFIG='{"provider": "openai", "api_key": "sk-..."}' python examples/errors.py

Against hosted Portkey (a real model is rarely rate limited on cue: those lines will show answers)::

    PORTKEY_API_KEY=pk-... PORTKEY_VIRTUAL_KEY=openai-vk-... python examples/errors.py
"""

from __future__ import annotations

import logging
import sys

from portkey_typed import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    NotFoundError,
    PermissionDeniedError,
    Portkey,
    PortkeyValidationError,
    RateLimitError,
    RequestTimeoutError,
)

from example_setup import model


def ask(client: Portkey, question: str, model_name: str | None = None) -> str:
    """One call, with each kind of failure turned into what a service would do about it."""
    try:
        chat = client.chat.completions.create(
            model=model_name or model(), messages=[{"role": "user", "content": question}], max_tokens=20
        )
        return f"answer: {chat.choices[0].message.content}"
    except RateLimitError as error:  # still 429 after the retries: shed load, ask the caller to come back
        return f"rate limited ({error.status_code}): {error.message}"
    except (APITimeoutError, RequestTimeoutError) as error:  # the client's timeout, or the gateway's 408
        return f"timed out ({type(error).__name__})"
    except NotFoundError as error:  # an unknown model or object: a bug in the request, do not retry
        return f"not found ({error.status_code}): {error.message}"
    except (AuthenticationError, PermissionDeniedError) as error:  # the keys are wrong: page someone
        return f"credentials refused ({error.status_code})"
    except BadRequestError as error:
        return f"bad request: {error.message}"
    except APIStatusError as error:  # any other error answer (5xx after the retries...)
        return f"failed with {error.status_code}: {error.message} (trace id {error.trace_id})"
    except APIConnectionError as error:  # the gateway could not be reached
        return f"unreachable: {error}"


def main() -> None:
    # The client logs each attempt and each retry at DEBUG, with secrets masked.
    logging.basicConfig(stream=sys.stdout, format="  log: %(message)s")
    logging.getLogger("portkey_typed").setLevel(logging.DEBUG)
    logging.getLogger("portkey_typed").addFilter(lambda record: "retrying" in record.getMessage())
    with Portkey() as client:
        print("== the gateway's timeout: request_timeout=300 ms, answered with 408")
        print(ask(client.with_options(request_timeout=300, max_retries=0), "Write a long poem."))

        print("== the client's timeout: timeout=0.3 s")
        print(ask(client.with_options(timeout=0.3, max_retries=0), "Write a long poem."))

        print("== a 429 that the client's retries outlast (max_retries=2, the default)")
        print(ask(client, "Hello"))

        print("== a 429 that outlasts them")
        print(ask(client, "Hello"))

        print("== an unknown model: 404, not retried")
        print(ask(client, "Hello", model_name="model-that-does-not-exist"))

        print("== a bad option: raised before anything is sent")
        try:
            client.with_options(trace_id="line one\nline two")
        except PortkeyValidationError as error:
            print(f"invalid {error.option}: {error.problem}")


if __name__ == "__main__":
    main()
