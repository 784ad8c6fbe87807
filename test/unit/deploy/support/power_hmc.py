#!/usr/bin/env python3
"""Checks a PowerVM Sizer playbook against the ibm.power_hmc collection, with ansible-core's own validator.

Our code (not the collection's). Three commands:
  specs --collection DIR                 print the modules' argument specs, read from the collection's source
                                         (used to refresh test/unit/deploy/fixtures/power_hmc/argument-specs.json)
  validate --playbook P --specs FILE     validate every task's arguments with ArgumentSpecValidator against the
                                         committed specs (what CI can always run)
  validate --playbook P --collection DIR --systems FILE
                                         the same against the real sources, then the modules' own parameter
                                         checks (validate_parameters, validate_proc_mem, validate_settings_param),
                                         and the exact commands the modules would send (built by their own code
                                         with a recording connection)
Prints one JSON object: {"tasks": n, "errors": [...], "commands": [...], "checked": [...]}.
"""
import ast
import json
import os
import sys
import tempfile
import types

MODULES = ('powervm_lpar_instance', 'vios', 'hmc_command')
SPEC_KEYS = ('argument_spec', 'mutually_exclusive', 'required_one_of', 'required_if', 'required_by', 'required_together')


def _run_module_spec(source):
    """Evaluates the dict(...) assignments of run_module() and the AnsibleModule(...) keywords; nothing else runs."""
    tree = ast.parse(source)
    run = next(node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name == 'run_module')
    namespace = {}
    safe = {'dict': dict, '__builtins__': {}}
    result = {}
    for node in run.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and getattr(node.value.func, 'id', None) == 'dict':
            value = eval(compile(ast.Expression(node.value), 'spec', 'eval'), safe, namespace)  # noqa: S307 - dict literals only
            for target in node.targets:
                namespace[target.id] = value
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and getattr(node.value.func, 'id', None) == 'AnsibleModule':
            for keyword in node.value.keywords:
                if keyword.arg in SPEC_KEYS:
                    result[keyword.arg] = eval(compile(ast.Expression(keyword.value), 'spec', 'eval'), safe, namespace)  # noqa: S307
    return result


def _list_constant(source, name):
    tree = ast.parse(source)
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(target, 'id', None) == name for target in node.targets):
            return ast.literal_eval(node.value)
    return None


def _mksyscfg_attributes(collection):
    with open(os.path.join(collection, 'plugins', 'module_utils', 'hmc_command_stack.py'), encoding='utf-8') as handle:
        tree = ast.parse(handle.read())
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(getattr(target, 'id', None) == 'HMC_CMD_OPT' for target in node.targets):
            table = ast.literal_eval(node.value)
            return sorted(table['MKSYSCFG']['-I'].values())
    return []


def extract_specs(collection):
    specs = {}
    for module in MODULES:
        with open(os.path.join(collection, 'plugins', 'modules', module + '.py'), encoding='utf-8') as handle:
            source = handle.read()
        specs[module] = _run_module_spec(source)
        if module == 'vios':
            specs[module]['not_support_settings'] = _list_constant(source, 'not_support_settings')
            specs[module]['mksyscfg_attributes'] = _mksyscfg_attributes(collection)
    with open(os.path.join(collection, 'galaxy.yml'), encoding='utf-8') as handle:
        version = next((line.split(':', 1)[1].strip() for line in handle if line.startswith('version:')), None)
    return {'collection': 'ibm.power_hmc', 'version': version, 'modules': specs}


def _tuples(value):
    """JSON turns the spec's tuples into lists; ansible's validator wants the original shapes back."""
    if value is None:
        return None
    if isinstance(value, dict):
        return {key: _tuples(item) if isinstance(item, list) else item for key, item in value.items()}
    return [tuple(item) if isinstance(item, list) else item for item in value]


def _tasks(playbook_path):
    import yaml
    with open(playbook_path, encoding='utf-8') as handle:
        plays = yaml.safe_load(handle)
    for play in plays:
        for task in play.get('tasks', []):
            module = next(key for key in task if key not in ('name', 'tags', 'when', 'vars'))
            yield task.get('name'), module, task[module]


def validate(playbook_path, specs, collection=None, systems=None):
    from ansible.module_utils.common.arg_spec import ArgumentSpecValidator
    errors, commands, checked, count = [], [], [], 0
    real = _import_collection(collection) if collection else None
    for name, module, args in _tasks(playbook_path):
        count += 1
        short = module.split('.')[-1]
        if module.startswith('ansible.builtin.'):
            continue
        if not module.startswith('ibm.power_hmc.') or short not in specs['modules']:
            errors.append({'task': name, 'error': 'unknown module ' + module})
            continue
        spec = specs['modules'][short]
        validator = ArgumentSpecValidator(
            spec['argument_spec'],
            mutually_exclusive=_tuples(spec.get('mutually_exclusive')),
            required_together=_tuples(spec.get('required_together')),
            required_one_of=_tuples(spec.get('required_one_of')),
            required_if=_tuples(spec.get('required_if')),
            required_by=spec.get('required_by'),
        )
        result = validator.validate(args)
        for message in result.error_messages:
            errors.append({'task': name, 'error': message})
        if real is not None and not result.error_messages:
            for problem in _module_checks(real, short, result.validated_parameters, systems or {}, commands):
                errors.append({'task': name, 'error': problem})
            checked.append(name)
    return {'tasks': count, 'errors': errors, 'commands': commands, 'checked': checked}


def _import_collection(collection):
    """Makes the real collection importable as ansible_collections.ibm.power_hmc (a temporary symlink tree)."""
    root = tempfile.mkdtemp(prefix='power_hmc_')
    os.makedirs(os.path.join(root, 'ansible_collections', 'ibm'))
    os.symlink(os.path.abspath(collection), os.path.join(root, 'ansible_collections', 'ibm', 'power_hmc'))
    sys.path.insert(0, root)
    import importlib
    base = 'ansible_collections.ibm.power_hmc.plugins.'
    return {
        'lpar': importlib.import_module(base + 'modules.powervm_lpar_instance'),
        'vios': importlib.import_module(base + 'modules.vios'),
        'resource': importlib.import_module(base + 'module_utils.hmc_resource'),
        'cli': importlib.import_module(base + 'module_utils.hmc_cli_client'),
    }


class _Node:
    def __init__(self, text):
        self.text = text


class _SystemDom:
    """What validate_proc_mem reads from the managed system's REST answer, from the design's server."""

    def __init__(self, system):
        self.values = {
            'CurrentAvailableSystemProcessorUnits': str(system['processorUnits']),
            'MinimumProcessorUnitsPerVirtualProcessor': str(system['minimumUnitsPerVirtualProcessor']),
            'CurrentAvailableSystemMemory': str(system['memoryMB']),
            'CurrentLogicalMemoryBlockSize': str(system['lmbMiB']),
        }

    def xpath(self, path):
        return [_Node(self.values[path.lstrip('/')])]


class _RecordingConnection:
    def __init__(self, sink):
        self.sink = sink

    def execute(self, cmd):
        self.sink.append(cmd)
        return ''


class _RecordingModule:
    """Stands in for AnsibleModule in HmcCliConnection: records the shell line instead of running it."""

    def __init__(self, sink):
        self.sink = sink

    def run_command(self, line, use_unsafe_shell=False):
        self.sink.append({'shell': line, 'use_unsafe_shell': use_unsafe_shell})
        return 0, '', ''


def _ssh_line(real, cmd):
    lines = []
    connection = real['cli'].HmcCliConnection(_RecordingModule(lines), 'hmc.example', 'hscroot', 'secret')
    connection.execute(cmd)
    return lines[0]


def _module_checks(real, short, params, systems, commands):
    problems = []
    try:
        if short == 'powervm_lpar_instance':
            real['lpar'].validate_parameters(params)
            system = systems.get(params['system_name'])
            if system is None:
                return ['no system figures for ' + str(params['system_name'])]
            # The inputs exactly as create_partition derives them from the parameters (its defaults).
            proc = int(params['proc'] or 2)
            mem = int(params['mem'] or 2048)
            proc_unit = round(params['proc_unit'], 2) if params['proc_unit'] else None
            real['lpar'].validate_proc_mem(
                _SystemDom(system), proc, mem, int(params['max_proc'] or proc), int(params['min_proc'] or 1),
                int(params['max_mem'] or mem), int(params['min_mem'] or 1024), params['weight'] or 128,
                round(params['min_proc_unit'] or 0.1, 2),
                round(params['max_proc_unit'], 2) if params['max_proc_unit'] else proc_unit, proc_unit)
        elif short == 'vios':
            real['vios'].validate_parameters(params)
            real['vios'].validate_settings_param(params['settings'])
            sent = []
            real['resource'].Hmc(_RecordingConnection(sent)).createVirtualIOServer(params['system_name'], params['name'], params['settings'])
            commands.append({'module': 'vios', 'cmd': sent[0], 'ssh': _ssh_line(real, sent[0])})
        elif short == 'hmc_command':
            commands.append({'module': 'hmc_command', 'cmd': params['cmd'], 'ssh': _ssh_line(real, params['cmd'])})
    except Exception as error:  # the modules raise their own exception classes; all are findings here
        problems.append('%s: %s' % (type(error).__name__, error))
    return problems


def main(argv):
    import argparse
    parser = argparse.ArgumentParser()
    parser.add_argument('command', choices=['specs', 'validate'])
    parser.add_argument('--collection')
    parser.add_argument('--specs')
    parser.add_argument('--playbook')
    parser.add_argument('--systems')
    args = parser.parse_args(argv)
    if args.command == 'specs':
        print(json.dumps(extract_specs(args.collection), indent=1, sort_keys=True))
        return 0
    specs = extract_specs(args.collection) if args.collection else json.load(open(args.specs, encoding='utf-8'))
    systems = json.load(open(args.systems, encoding='utf-8')) if args.systems else None
    print(json.dumps(validate(args.playbook, specs, args.collection, systems)))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
