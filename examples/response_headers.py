"""Reading the Portkey response headers: which target answered, the gateway's retries, cache, trace id.

Every method has a `with_raw_response` twin that returns the HTTP response with the `x-portkey-*`
headers typed in `.portkey` (a `PortkeyResponseHeaders`), all headers in `.headers`, the status in
`.status_code`, and the typed result from `.parse()`. For a stream the headers are there before the
first chunk is read.

Against a gateway on this machine (`make demo EXAMPLE=examples/response_headers.py` starts the real
gateway and a local model server, then runs this), or one you started::

    PORTKEY_BASE_URL=http://127.0.0.1:8787/v1 \\
    PORTKEY_CONFIG='{"provider": "openai", "api_key": "sk-..."}' python examples/response_headers.py

Against hosted Portkey (which also reports cache hits; the self-hosted gateway says DISABLED)::

    PORTKEY_API_KEY=pk-... PORTKEY_VIRTUAL_KEY=openai-vk-... python examples/response_headers.py
"""

from __future__ import annotations

from portkey_typed import Portkey, PortkeyResponseHeaders

from example_setup import model


def show(headers: PortkeyResponseHeaders) -> None:
    print(f"  trace id          : {headers.trace_id}")
    print(f"  provider          : {headers.provider}")
    print(f"  target used       : {headers.last_used_option_index}")
    print(f"  gateway retries   : {headers.retry_attempt_count}")
    print(f"  cache             : {headers.cache_status}")


def main() -> None:
    with Portkey() as portkey:
        client = portkey.with_options(trace_id="headers-example")
        print("== a chat completion")
        raw = client.chat.completions.with_raw_response.create(
            model=model(), messages=[{"role": "user", "content": "Hello"}], max_tokens=10
        )
        print(f"  status {raw.status_code}, content-type {raw.headers.get('content-type')}")
        show(raw.portkey)
        print(f"  reply             : {raw.parse().choices[0].message.content}")

        print("== a stream: headers first, then the chunks")
        raw_stream = client.chat.completions.with_raw_response.create(
            model=model(), messages=[{"role": "user", "content": "Hello again"}], stream=True
        )
        show(raw_stream.portkey)
        with raw_stream.parse() as stream:
            text = "".join(chunk.choices[0].delta.content or "" for chunk in stream if chunk.choices)
        print(f"  reply             : {text}")


if __name__ == "__main__":
    main()
