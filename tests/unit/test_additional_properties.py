"""A model's `additional_properties`: no dict for an object without extra keys until it is read, and the
same behaviour as a plain attrs field everywhere else (equality, repr, copies, pickling, `attrs.evolve`),
where a field left out still reads `UNSET` itself."""

from __future__ import annotations

import copy
import gc
import pickle

import attrs

from portkey_generated.models.chat_completion import ChatCompletion
from portkey_generated.models.chat_completion_function_call import ChatCompletionFunctionCall
from portkey_generated.models.chat_completion_message_tool_call import ChatCompletionMessageToolCall
from portkey_generated.types import UNSET, AdditionalProperties

CALL = {"id": "call_1", "type": "function", "function": {"name": "f", "arguments": "{}"}}


def holds_a_dict(instance: object) -> bool:
    return any(type(value) is dict for value in gc.get_referents(instance))


def test_a_decoded_object_without_extra_keys_holds_no_dict_until_read() -> None:
    call = ChatCompletionMessageToolCall.from_dict(CALL)
    assert not holds_a_dict(call)
    assert not holds_a_dict(call.function)
    assert call.additional_properties == {}
    assert call.additional_properties is call.additional_properties
    assert holds_a_dict(call)


def test_extra_keys_are_kept_and_a_write_sticks() -> None:
    call = ChatCompletionMessageToolCall.from_dict({**CALL, "index": 0})
    assert call.additional_properties == {"index": 0}
    assert call["index"] == 0

    plain = ChatCompletionMessageToolCall.from_dict(CALL)
    assert "index" not in plain
    plain["index"] = 3
    assert plain.additional_keys == ["index"]
    assert plain.to_dict()["index"] == 3
    del plain["index"]
    assert plain.to_dict() == CALL


def test_assigning_and_deleting_the_attribute() -> None:
    call = ChatCompletionMessageToolCall.from_dict(CALL)
    call.additional_properties = {"x": 1}
    assert call.to_dict()["x"] == 1
    del call.additional_properties
    assert call.additional_properties == {}


def test_equality_and_repr_do_not_depend_on_whether_it_was_read() -> None:
    unread = ChatCompletionFunctionCall.from_dict({"name": "f", "arguments": "{}"})
    built = ChatCompletionFunctionCall(name="f", arguments="{}")
    read = ChatCompletionFunctionCall.from_dict({"name": "f", "arguments": "{}"})
    assert read.additional_properties == {}
    assert unread == built == read
    assert attrs.asdict(unread) == {"name": "f", "arguments": "{}", "additional_properties": {}}
    assert (
        repr(unread)
        == repr(built)
        == "ChatCompletionFunctionCall(name='f', arguments='{}', additional_properties={})"
    )
    assert unread != ChatCompletionFunctionCall.from_dict({"name": "f", "arguments": "{}", "x": 1})


def test_copies_pickles_and_evolve() -> None:
    answer = ChatCompletion.from_dict(
        {
            "id": "c",
            "object": "chat.completion",
            "created": 1,
            "model": "m",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": "hi"},
                    "finish_reason": "stop",
                    "seen": True,
                }
            ],
        }
    )
    for twin in (copy.copy(answer), copy.deepcopy(answer), pickle.loads(pickle.dumps(answer))):
        assert twin == answer
        assert twin.choices[0].additional_properties == {"seen": True}
        assert twin.choices[0].message.additional_properties == {}
        assert twin.choices[0].message.refusal is UNSET
    renamed = attrs.evolve(answer, model="other")
    assert renamed.model == "other"
    assert renamed.additional_properties == {}


def test_the_class_attribute_is_the_descriptor_and_attrs_still_lists_the_field() -> None:
    assert isinstance(ChatCompletionMessageToolCall.__dict__["additional_properties"], AdditionalProperties)
    assert "additional_properties" in attrs.fields_dict(ChatCompletionMessageToolCall)
