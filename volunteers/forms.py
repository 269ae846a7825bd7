"""Admin forms of the volunteer ledger; the rules themselves live in the modules beside this one."""

from django import forms
from django.utils import timezone

from goodpeople.models import BrandProjectPage, CommunityPage, Station
from volunteers.corrections import CORRECTABLE_FIELDS
from volunteers.models import (
    Commendation,
    HourExchange,
    Inspection,
    ServiceRecord,
    Volunteer,
    validate_half_hours,
    validate_hours,
)


def station_projects(station: Station):
    """Brand projects of the station's own community, drafts included (a station's own)."""
    return BrandProjectPage.objects.child_of(station.community).order_by("title")


class VolunteerForm(forms.ModelForm):
    class Meta:
        model = Volunteer
        fields = [
            "name",
            "gender",
            "phone",
            "id_number",
            "address",
            "joined_on",
            "team",
            "skills",
            "brand_project",
            "public_consent",
            "mask_public_name",
        ]
        widgets = {"joined_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, station: Station, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.station = station
        self.fields["brand_project"].queryset = station_projects(station)

    def clean_id_number(self):
        id_number = self.cleaned_data["id_number"].upper()
        duplicate = Volunteer.objects.filter(station=self.instance.station, id_number=id_number)
        if id_number and duplicate.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError("本站名册中已有这个身份证号的志愿者。")
        return id_number


class ActivityForm(forms.Form):
    """One activity's shared details, for bulk entry and corrections."""

    activity = forms.CharField(label="活动名称", max_length=100)
    brand_project = forms.ModelChoiceField(
        label="所属品牌项目", queryset=BrandProjectPage.objects.none(), required=False
    )
    date = forms.DateField(label="服务日期", widget=forms.DateInput(attrs={"type": "date"}))
    place = forms.CharField(label="服务地点", max_length=200, required=False)
    served = forms.CharField(label="服务对象", max_length=200, required=False)
    content = forms.CharField(
        label="服务内容", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    hours = forms.DecimalField(
        label="服务时长（小时）",
        max_digits=4,
        decimal_places=1,
        validators=[validate_hours],
        help_text="以半小时为单位，例如 1.5",
    )

    def __init__(self, *args, station: Station, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["brand_project"].queryset = station_projects(station)

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise forms.ValidationError("服务日期不能晚于今天。")
        return date


class BulkRecordForm(ActivityForm):
    volunteers = forms.ModelMultipleChoiceField(
        label="参加的志愿者",
        queryset=Volunteer.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="每位志愿者记同样的时长；时长不同的请分开录入",
    )

    def __init__(self, *args, station: Station, **kwargs):
        super().__init__(*args, station=station, **kwargs)
        self.fields["volunteers"].queryset = Volunteer.objects.filter(station=station)

    def activity_fields(self) -> dict:
        return {
            key: self.cleaned_data[key]
            for key in ("activity", "brand_project", "place", "served", "content")
        }


class CorrectionForm(ActivityForm):
    reason = forms.CharField(
        label="更正原因", widget=forms.Textarea(attrs={"rows": 2}), help_text="必填，会留在记录中"
    )

    @classmethod
    def initial_for(cls, record: ServiceRecord) -> dict:
        return {field: getattr(record, field) for field in CORRECTABLE_FIELDS}

    def changes(self, record: ServiceRecord) -> dict:
        return {
            field: self.cleaned_data[field]
            for field in CORRECTABLE_FIELDS
            if self.cleaned_data[field] != getattr(record, field)
        }


class VoidForm(forms.Form):
    reason = forms.CharField(label="作废原因", widget=forms.Textarea(attrs={"rows": 2}))


class ImportForm(forms.Form):
    file = forms.FileField(label="表格文件", help_text=".xlsx 或 .csv，第一行为列标题")


class ExchangeForm(forms.ModelForm):
    hours = forms.DecimalField(
        label="使用时长（小时）", max_digits=6, decimal_places=1, validators=[validate_half_hours]
    )

    class Meta:
        model = HourExchange
        fields = ["service", "hours", "date"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"})}


class CommendationForm(forms.ModelForm):
    class Meta:
        model = Commendation
        fields = ["title", "awarded_on"]
        widgets = {"awarded_on": forms.DateInput(attrs={"type": "date"})}


class InspectionForm(forms.ModelForm):
    community = forms.ModelChoiceField(
        label="社区", queryset=CommunityPage.objects.order_by("path")
    )

    class Meta:
        model = Inspection
        fields = [
            "community",
            "visited_on",
            "inspectors",
            "findings",
            "required_fixes",
            "deadline",
            "fixed_on",
        ]
        widgets = {
            name: forms.DateInput(attrs={"type": "date"})
            for name in ("visited_on", "deadline", "fixed_on")
        }
