"""Tool calls, the whole round trip: the model asks for a tool, the code runs it, the model answers.

1. Send the conversation with `tools=[...]` (each a function with a JSON-schema `parameters`).
2. When the reply's `finish_reason` is `tool_calls`, run each `message.tool_calls[i]` (its
   `function.arguments` is a JSON string) and append the assistant turn, then one `role: "tool"`
   message per call with the call's `id` as `tool_call_id`.
3. Send the longer conversation again; the model now answers in text (or asks for more tools).

The messages list is typed (`ChatCompletionRequestMessageParam`, a union of one TypedDict per role), so a
missing `tool_call_id` or a wrong role is a type error.

Against a gateway on this machine (`make demo EXAMPLE=examples/tool_calls.py` starts the real gateway
and a local model server that calls the first tool with the question, then echoes the tool's
result), or one you started::

    PORTKEY_BASE_URL=http://127.0.0.1:8787/v1 \\
    PORTKEY_CONFIG='{"provider": "openai", "api_key": "sk-..."}' python examples/tool_calls.py

Against hosted Portkey::

    PORTKEY_API_KEY=pk-... PORTKEY_VIRTUAL_KEY=openai-vk-... python examples/tool_calls.py
"""

from __future__ import annotations

import json
from typing import cast

from portkey_typed import Portkey

from example_setup import (
    ChatCompletionRequestMessageParam,
    ChatCompletionToolParam,
    ChatFunctionParametersParam,
    model,
)

DOCS = {
    "virtual key": "Rotate a virtual key from its page in the Portkey app: Edit, then paste the new secret.",
    "config": "A saved config is referred to by its slug, e.g. pc-abc123, in the x-portkey-config header.",
}

# The JSON schema of the arguments. (`ChatFunctionParametersParam` is generated as a closed, empty
# TypedDict, so a schema literal needs the cast; see the project's report.)
SEARCH_PARAMETERS = cast(
    "ChatFunctionParametersParam",
    {
        "type": "object",
        "properties": {"query": {"type": "string", "description": "What to look up"}},
        "required": ["query"],
    },
)
TOOLS: list[ChatCompletionToolParam] = [
    {
        "type": "function",
        "function": {
            "name": "search_docs",
            "description": "Search the product documentation",
            "parameters": SEARCH_PARAMETERS,
        },
    }
]


def search_docs(query: str) -> str:
    """The tool: the documentation passages whose topic appears in the query."""
    found = [text for topic, text in DOCS.items() if topic in query.lower()]
    return " ".join(found) or "No passage matches."


def run_tool(name: str, arguments: str) -> str:
    if name != "search_docs":
        return f"Unknown tool {name}"
    return search_docs(str(json.loads(arguments).get("query", "")))


def main() -> None:
    messages: list[ChatCompletionRequestMessageParam] = [
        {"role": "system", "content": "Answer from the documentation; search it first."},
        {"role": "user", "content": "How do I rotate a virtual key?"},
    ]
    with Portkey() as client:
        for _ in range(3):  # a bound on the rounds of tool calls
            chat = client.chat.completions.create(model=model(), messages=messages, tools=TOOLS)
            choice = chat.choices[0]
            calls = choice.message.tool_calls or []
            if choice.finish_reason != "tool_calls" or not calls:
                print(f"model: {choice.message.content}")
                return
            messages.append(
                {
                    "role": "assistant",
                    "content": choice.message.content or None,
                    "tool_calls": [
                        {
                            "id": call.id,
                            "type": "function",
                            "function": {"name": call.function.name, "arguments": call.function.arguments},
                        }
                        for call in calls
                    ],
                }
            )
            for call in calls:
                print(f"model asks: {call.function.name}({call.function.arguments})")
                result = run_tool(call.function.name, call.function.arguments)
                print(f"tool says : {result}")
                messages.append({"role": "tool", "tool_call_id": call.id, "content": result})
        print("model: (still calling tools after 3 rounds; giving up)")


if __name__ == "__main__":
    main()
